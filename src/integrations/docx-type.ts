/**
 * Serves the templates' Word files with their media type in `astro dev` and `astro preview`.
 * Vite's static server does not know .docx and sends an empty Content-Type. In dev a Vite
 * plugin sets it; `astro preview` drops user Vite plugins, so in that command only (a local
 * tool process, never the deployed site) the response's writeHead is wrapped for *.docx.
 * Real web servers already know the type; bench/static-server.mjs lists it in its TYPES.
 */
import type { AstroIntegration } from 'astro';
import { ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { DOCX_TYPE } from '../lib/media-types.ts';

const isDocx = (url: string | undefined) => /\.docx$/.test((url ?? '').split('?')[0]!);

/** Drops any Content-Type in writeHead's header argument (ours, set on the response, stays). */
function withoutContentType(args: unknown[]): unknown[] {
	return args.map((a) =>
		a && typeof a === 'object' && !Array.isArray(a)
			? Object.fromEntries(
					Object.entries(a as OutgoingHttpHeaders).filter(
						([k]) => k.toLowerCase() !== 'content-type',
					),
				)
			: a,
	);
}

/** Wraps one response's writeHead (dev). */
const devMiddleware: Connect.NextHandleFunction = (req, res, next) => {
	if (isDocx(req.url)) {
		const original = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
		res.writeHead = ((...args: unknown[]) => {
			res.setHeader('Content-Type', DOCX_TYPE);
			return original(...withoutContentType(args));
		}) as typeof res.writeHead;
	}
	next();
};

const plugin: Plugin = {
	name: 'local:docx-type',
	configureServer: (server) => void server.middlewares.use(devMiddleware),
};

let previewPatched = false;

/** Wraps writeHead for every response of the preview process, acting only on *.docx. */
function patchPreview(): void {
	if (previewPatched) return;
	previewPatched = true;
	const original = ServerResponse.prototype.writeHead as (...args: unknown[]) => ServerResponse;
	ServerResponse.prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
		if (!isDocx(this.req?.url)) return original.apply(this, args);
		this.setHeader('Content-Type', DOCX_TYPE);
		return original.apply(this, withoutContentType(args));
	} as typeof ServerResponse.prototype.writeHead;
}

export function docxTypeIntegration(): AstroIntegration {
	return {
		name: 'local:docx-type',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command === 'preview') patchPreview();
				if (command === 'dev') updateConfig({ vite: { plugins: [plugin] } });
			},
		},
	};
}
