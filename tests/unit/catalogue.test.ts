import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CatalogueSchema } from '../../src/lib/catalogue-schema';

const raw = parse(readFileSync('content/criteria/catalogue.yaml', 'utf8')) as unknown;

describe('criteria catalogue', () => {
	it('matches the schema', () => {
		const result = CatalogueSchema.safeParse(raw);
		if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
		expect(result.success).toBe(true);
	});
});
