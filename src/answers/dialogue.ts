import type { Attr, Collection, Modifier } from "../knowledge/kinds/index.js";
import { placeKeysOf, type Mention } from "../nlu/question.js";
import type { Query } from "./resolve.js";

/** Modifiers that say which period a figure is of. */
const PERIOD_MODIFIERS: ReadonlySet<Modifier> = new Set(["cumulative", "firstHalf", "secondHalf"]);

/** How long a conversation's context lasts without a message, by default. */
export const CONTEXT_TTL_MS = 30 * 60_000;

/**
 * What a chat was last talking about: the question's constraints and the
 * records answered, so that "kalau 2024?", "itu di mana?" or "dia ngomong
 * apa?" can be read against it. No message text is kept: only attributes,
 * reference keys and their labels.
 */
export interface DialogueState {
  /** When it was last updated (ms since epoch). */
  at: number;
  attrs: Attr[];
  kinds: Collection[];
  mentions: Array<Pick<Mention, "label" | "keys" | "type" | "placed" | "role" | "place">>;
  years: number[];
  range: boolean;
  month?: { month: number; year?: number };
  modifiers: Modifier[];
  /** Record keys ("events/<id>") the last answer was about, best first. */
  records: string[];
  /** Pending "which one?": the record keys offered, in order. */
  options?: string[];
}

/** The state to keep after answering `query` with `records` (options: a "which one?" was asked). */
export function stateOf(query: Query, records: string[], now: Date, options?: string[]): DialogueState {
  return {
    at: now.getTime(),
    attrs: query.attrs,
    kinds: query.kinds,
    mentions: query.mentions.map(({ label, keys, type, placed, role, place }) => ({ label, keys, type, ...(placed === undefined ? {} : { placed }), ...(role ? { role } : {}), ...(place ? { place } : {}) })),
    years: query.years,
    range: query.range,
    month: query.month,
    modifiers: query.modifiers,
    records: records.slice(0, 8),
    ...(options ? { options } : {}),
  };
}

/** True while a state is fresh enough to read a follow-up against. */
export function isFresh(state: DialogueState | null | undefined, now: Date, ttlMs = CONTEXT_TTL_MS): state is DialogueState {
  return !!state && now.getTime() - state.at <= ttlMs && now.getTime() >= state.at - 60_000;
}

function restore(m: DialogueState["mentions"][number]): Mention {
  return { ...m, start: -1, end: -1 };
}

/**
 * A follow-up read against the context. What the user wrote always wins:
 * their attributes, names, years and modifiers replace the context's of the
 * same sort; what they leave out is taken from the context. A follow-up that
 * changes no constraint ("itu di mana?", "dia ngomong apa?", "sumbernya?")
 * asks about the very records answered last; one that changes a constraint
 * ("kalau 2024?", "yg kumulatif?", "kalau gubernur jatim?") asks the last
 * question again with it.
 */
export function followUp(own: Query, state: DialogueState, peopleAt: (role: string, place?: readonly string[]) => string[] = () => []): Query {
  // "kalau gubernurnya?" after the vice governor of Kaltim: the new role at the context's place;
  // "and of East Java?" after the governor of Central Java: the context's role at the new place.
  const statePeople = state.mentions.find((m) => m.type === "people" && m.role);
  const ownPeople = own.mentions.find((m) => m.type === "people" && !m.placed && m.role);
  const ownPlace = own.mentions.find((m) => m.type === "province" || (m.type === "record" && !m.keys.some((k) => k.includes("/"))));
  if (statePeople?.place && ownPeople) {
    own = { ...own, mentions: own.mentions.map((m) => (m === ownPeople ? { ...m, keys: peopleAt(m.role!, statePeople.place), placed: true, place: statePeople.place } : m)) };
  } else if (statePeople?.role && ownPlace && !own.mentions.some((m) => m.type === "people")) {
    const place = placeKeysOf(ownPlace);
    const people: Mention = { ...ownPlace, type: "people", keys: peopleAt(statePeople.role, place), placed: true, role: statePeople.role, place, label: `${statePeople.label.split(" ")[0]} ${ownPlace.label}` };
    own = { ...own, mentions: own.mentions.map((m) => (m === ownPlace ? people : m)) };
  }
  const changesConstraint = own.mentions.length > 0 || own.years.length > 0 || own.modifiers.length > 0 || !!own.month;
  // A kind of record the context was not about ("and which agreement did he sign?" after a statement)
  // is a new topic: it does not inherit what was asked of the old one.
  const newTopic = (own.namedKinds ?? []).some((k) => !state.kinds.includes(k));
  const attrs = own.attrs.length ? own.attrs : newTopic ? [] : state.attrs;
  const specific = own.attrs.length ? own.specific : true;
  if (!changesConstraint && state.records.length) {
    // The records themselves: a pronoun, an attribute, or a kind related to them ("kampusnya").
    const only = own.namedKinds?.length ? own.namedKinds : undefined;
    return {
      ...own,
      attrs,
      specific,
      kinds: own.kinds,
      only,
      mentions: [{ label: state.mentions.map((m) => m.label).join(" "), keys: [...state.records], type: "record", start: -1, end: -1 }],
      years: [],
      range: false,
      month: undefined,
      modifiers: [],
    };
  }
  // Names of the same sort replace the context's; a new province replaces the context's provinces.
  // A role without a place ("kalau rektornya?") keeps the context's place.
  const ownTypes = new Set(own.mentions.filter((m) => m.type !== "people" || m.placed).map((m) => (m.type === "people" || m.type === "record" || m.type === "foreign" ? "named" : m.type)));
  const kept = state.mentions
    .filter((m) => !ownTypes.has(m.type === "people" || m.type === "record" || m.type === "foreign" ? "named" : m.type))
    .map(restore);
  // A year or a period of its own ("kalau 2023?", "kalau semester 2?") replaces the context's period.
  const ownPeriod = own.years.length > 0 || own.modifiers.some((m) => PERIOD_MODIFIERS.has(m));
  const modifiers = [...new Set([...state.modifiers.filter((m) => !ownPeriod || !PERIOD_MODIFIERS.has(m)), ...own.modifiers])];
  // "yg kumulatif?" after a year's value: the new modifier replaces the old year.
  // "yg kumulatif?" after a year's value: a modifier of time replaces the year. A kind of record the
  // context was not about ("kapan acaranya?" after a value) is a new topic: only the names carry over.
  const timely = newTopic || own.modifiers.some((m) => m === "cumulative" || m === "total" || m === "upcoming" || m === "latest" || m === "highest" || m === "lowest");
  const years = own.years.length ? own.years : timely ? [] : state.years;
  return {
    ...own,
    attrs,
    specific,
    kinds: own.kinds.length ? own.kinds : state.kinds,
    mentions: [...kept, ...own.mentions],
    years,
    range: own.years.length ? own.range : timely ? false : state.range,
    month: own.month ?? (own.years.length || newTopic ? undefined : state.month),
    modifiers: newTopic ? own.modifiers : modifiers,
  };
}
