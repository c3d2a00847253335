import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAV, navFor, parseHash, routeHash, type Screen } from '../routes.js';

const recordScreens: Screen[] = ['task', 'client', 'intervention'];

describe('hash routes', () => {
  it('reads back every route it writes, ids with any characters included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .constantFrom(...NAV.map((n) => n.screen), 'new-task' as Screen)
            .map((screen) => ({ screen, id: '' })),
          fc.record({ screen: fc.constantFrom(...recordScreens), id: fc.string({ minLength: 1 }) }),
        ),
        (route) => {
          expect(parseHash(routeHash(route))).toEqual(route);
        },
      ),
    );
  });

  it('falls back to the dashboard for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ screen: 'dashboard', id: '' });
    expect(parseHash('#/nowhere/x')).toEqual({ screen: 'dashboard', id: '' });
    expect(parseHash('#/tasks')).toEqual({ screen: 'tasks', id: '' });
  });

  it('shows admins users and trash, technicians neither, and leaves out screens whose element is missing', () => {
    const all = () => true;
    expect(navFor('admin', all).map((n) => n.screen)).toEqual(
      expect.arrayContaining(['users', 'trash', 'settings']),
    );
    const tech = navFor('technician', all).map((n) => n.screen);
    expect(tech).not.toContain('users');
    expect(tech).not.toContain('trash');
    expect(tech).toContain('tasks');
    expect(navFor('admin', (tag) => tag !== 'rpma-calendar').map((n) => n.screen)).not.toContain('calendar');
  });
});
