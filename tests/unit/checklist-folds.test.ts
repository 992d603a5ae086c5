import { describe, expect, it } from 'vitest';
import { newAssessment, type Survey } from '../../src/lib/assessment';
import { foldSummary, type Fold } from '../../src/lib/checklist-folds';
import type { ScoreResult } from '../../src/lib/scoring';
import { t } from '../../src/i18n/t';

// An empty assessment's survey and default marks, as a new assessment has them.
const blank = newAssessment({
	id: 'blank',
	name: '',
	now: new Date(0),
	catalogueVersion: '2026.1',
	passMark: 75,
	modelMark: 90,
});
type FoldScore = Pick<ScoreResult, 'vetoes' | 'unansweredVetoes' | 'eligibility'>;
const noScore: FoldScore = { vetoes: [], unansweredVetoes: ['V1', 'V2', 'V3'], eligibility: [] };

describe('foldSummary', () => {
	const cases: [string, Fold, Partial<Survey>, Partial<FoldScore>, string][] = [
		['no veto answered', 'vetoes', {}, {}, '已填 0 / 3 项'],
		[
			'two answered, one of them 是',
			'vetoes',
			{},
			{ unansweredVetoes: ['V3'], vetoes: ['V1'] },
			'已填 2 / 3 项，1 项为“是”',
		],
		['all answered 否', 'vetoes', {}, { unansweredVetoes: [] }, '已填 3 / 3 项'],
		['a survey not filled in', 'survey', {}, {}, '尚未填写'],
		['a survey not held', 'survey', { held: false, members: 100 }, {}, '本年度没有开展'],
		[
			'96 满意 of 113 replies from 120 members',
			'survey',
			{ held: true, members: 120, participants: 113, satisfied: 96, unsatisfied: 17 },
			{},
			'参评率 94.1%，满意度 84.9%',
		],
		['members but no replies yet', 'survey', { members: 120 }, {}, '尚未填写'],
		[
			'conditions, one open',
			'eligibility',
			{},
			{
				eligibility: [
					{ id: 'E1', met: true },
					{ id: 'E2', met: false },
					{ id: 'E3', met: null },
				],
			},
			'已填 2 / 3 项',
		],
		['the default marks', 'settings', {}, {}, '合格 75 分，模范 90 分'],
	];
	it.each(cases)('%s', (_, fold, survey, score, expected) => {
		const a = { survey: { ...blank.survey, ...survey }, settings: blank.settings };
		expect(foldSummary(fold, a, { ...noScore, ...score }, 3, t)).toBe(expected);
	});
});
