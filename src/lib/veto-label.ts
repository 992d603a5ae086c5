/**
 * How a 否决 condition is named wherever its code is shown: the code and the condition
 * from the catalogue ("V3 会员评家满意度低于 85%"), never the bare code.
 */
import type { Catalogue } from './catalogue-schema';

/** "V1 工会主席未经依法选举"; an id the catalogue does not know is shown as it is. */
export function vetoLabel(catalogue: Pick<Catalogue, 'vetoes'>, id: string): string {
	const v = catalogue.vetoes.find((x) => x.id === id);
	return v ? `${v.id} ${v.title}` : id;
}

/** Several vetoes named and joined with 、 (the list separator used in notices). */
export function vetoLabels(catalogue: Pick<Catalogue, 'vetoes'>, ids: readonly string[]): string {
	return ids.map((id) => vetoLabel(catalogue, id)).join('、');
}
