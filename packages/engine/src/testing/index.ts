export { FakeClock } from '../kernel/clock.js';
