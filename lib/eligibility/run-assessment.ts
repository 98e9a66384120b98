import { assessBpsCriteria, BPS_RULE_VERSION, type TBpsResult } from "./bps-criteria.ts";
import { scoreIndicatorSet, type TIndicatorSetDefinition, type TIndicatorSetResult } from "./indicator-set.ts";
import { selectPovertyLine, type TPovertyLine } from "./poverty-line.ts";
import { assessPovertyLine, EligibilityInputError, type TBands, type TPovertyLineResult } from "./poverty-line-method.ts";
import { recommendPrograms, type TProgramRule, type TRecommendation, type TRecommendationFacts } from "./program-rules.ts";

/**
 * One assessment of one household, all methods asked for, as a pure function: the persistence
 * wrapper (assess-household.ts) loads the facts and configuration, calls this, and stores the result.
 */
export type TAssessMethod = "GARIS_KEMISKINAN" | "KRITERIA_BPS" | "SET_INDIKATOR";

export type THouseholdFacts = {
  regionCode: string;
  members: { name: string; monthlyIncome: number | null; birthDate: string | null; deceased: boolean; hasCondition: boolean }[];
  ppksCodes: string[];
};

export type TRunInput = {
  methods: TAssessMethod[];
  regularAid: number;
  receivesCentralProgram: boolean | null;
  rtlh: boolean;
  dtksStatus: TRecommendationFacts["dtksStatus"];
  bpsAnswers?: Partial<Record<string, boolean>>;
  indicatorAnswers?: Partial<Record<string, string>>;
};

export type TRunConfig = {
  lines: readonly TPovertyLine[];
  bands: TBands;
  bpsThreshold: number;
  rules: readonly TProgramRule[];
  indicatorSet?: { versionId: string; version: number; definition: TIndicatorSetDefinition };
};

export type TMethodOutcome = {
  method: TAssessMethod;
  resultClass: string;
  resultLabel: string;
  eligible: boolean | null;
  score: number | null;
  ruleVersion: string;
  povertyLineId: string | null;
  indicatorSetVersionId: string | null;
  explanation: string;
  inputs: Record<string, unknown>;
  detail: TPovertyLineResult | TBpsResult | TIndicatorSetResult | null;
};

export type TRunResult = { outcomes: TMethodOutcome[]; recommendations: TRecommendation[] };

function ageOn(birthDate: string | null, on: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split("-").map(Number);
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}

export function runAssessment(h: THouseholdFacts, input: TRunInput, config: TRunConfig, on: Date): TRunResult {
  if (input.methods.length === 0) throw new EligibilityInputError("methods", "Pilih paling sedikit satu cara penilaian.");
  const outcomes: TMethodOutcome[] = [];
  for (const method of input.methods) {
    if (method === "GARIS_KEMISKINAN") {
      const selection = selectPovertyLine(config.lines, h.regionCode, on);
      if (!selection.ok) throw new EligibilityInputError("methods", selection.reason);
      const members = h.members.map((m) => ({ name: m.name, monthlyIncome: m.monthlyIncome, deceased: m.deceased }));
      const r = assessPovertyLine({ members, regularAid: input.regularAid }, selection.line, config.bands);
      outcomes.push({
        method, resultClass: r.class, resultLabel: r.label, eligible: r.class === "PERLU_VERIFIKASI" ? null : r.belowLine, score: r.perCapita,
        ruleVersion: `GK ${selection.line.regionName} ${selection.line.year} ${selection.line.period}; pita ${config.bands.sangatMiskinBelow}/${config.bands.hampirMiskinBelow}`,
        povertyLineId: selection.line.id, indicatorSetVersionId: null,
        explanation: `${r.explanation} ${selection.reason}`,
        inputs: { members, regularAid: input.regularAid, line: selection.line, bands: config.bands }, detail: r,
      });
    } else if (method === "KRITERIA_BPS") {
      const answers = input.bpsAnswers ?? {};
      const r = assessBpsCriteria(answers, config.bpsThreshold);
      outcomes.push({
        method, resultClass: r.class, resultLabel: r.label, eligible: r.class === "PERLU_VERIFIKASI" ? null : r.class === "MISKIN", score: r.score,
        ruleVersion: `${BPS_RULE_VERSION}; batas ${config.bpsThreshold}`, povertyLineId: null, indicatorSetVersionId: null,
        explanation: r.explanation, inputs: { answers, threshold: config.bpsThreshold }, detail: r,
      });
    } else {
      const set = config.indicatorSet;
      if (!set) throw new EligibilityInputError("indicatorSetId", "Pilih set indikator.");
      const answers = input.indicatorAnswers ?? {};
      const r = scoreIndicatorSet(set.definition, answers, `versi ${set.version}`);
      outcomes.push({
        method, resultClass: r.class, resultLabel: r.label, eligible: r.eligible, score: r.score,
        ruleVersion: `${set.definition.name} versi ${set.version}`, povertyLineId: null, indicatorSetVersionId: set.versionId,
        explanation: r.explanation, inputs: { answers }, detail: r,
      });
    }
  }
  const bpsMet = new Set(input.bpsAnswers ? Object.entries(input.bpsAnswers).filter(([, v]) => v).map(([k]) => k) : []);
  const facts: TRecommendationFacts = {
    eligible: outcomes.some((o) => o.eligible === true),
    members: h.members.filter((m) => !m.deceased).map((m) => ({ age: ageOn(m.birthDate, on), hasCondition: m.hasCondition })),
    ppksCodes: h.ppksCodes,
    rtlh: input.rtlh || (bpsMet.has("K02") && bpsMet.has("K03")),
    receivesCentralProgram: input.receivesCentralProgram,
    dtksStatus: input.dtksStatus,
  };
  return { outcomes, recommendations: recommendPrograms(config.rules, facts) };
}
