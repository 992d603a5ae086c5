/** Each template's Word file, written at build time to /templates/<id>.docx. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTemplateDocx, getTemplates } from '../../data/templates';
import { DOCX_TYPE } from '../../lib/templates';

export const getStaticPaths = (async () =>
	(await getTemplates()).map((e) => ({ params: { id: e.source.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const bytes = await getTemplateDocx(params['id']!);
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': DOCX_TYPE } });
};
