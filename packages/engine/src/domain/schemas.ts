import * as z from 'zod/mini';

/**
 * Shared zod/mini building blocks of command inputs, so every command bounds its strings and
 * numbers the same way.
 *
 * @example
 * ```ts
 * const input = z.object({ id: idString, rev: z.optional(revNumber), note: shortText });
 * ```
 */
export const idString = z.string().check(z.minLength(1), z.maxLength(100));

/** An expected document revision (optimistic concurrency). */
export const revNumber = z.number().check(z.int(), z.gte(1));

/** A one-line text (names, titles): trimmed, 1–200 characters. */
export const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** A free text (notes): at most 10 000 characters. */
export const longText = z.string().check(z.maxLength(10_000));

/** A tag list: at most 50 tags of 1–50 characters. */
export const tagList = z
  .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(50)))
  .check(z.maxLength(50));

/**
 * An ISO-8601 date-time with an offset (`2026-03-01T10:00:00+02:00`), normalised to the UTC form
 * every stored timestamp uses (`2026-03-01T08:00:00.000Z`), so stored dates compare as strings.
 */
export const isoDate = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value: string) => new Date(value).toISOString()),
);

/** A page size: 1–1000 (the storage maximum). */
export const pageLimit = z.number().check(z.int(), z.gte(1), z.lte(1000));

/** An opaque page cursor returned as `nextCursor`. */
export const cursor = z.string().check(z.minLength(1), z.maxLength(2000));
