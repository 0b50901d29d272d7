/** One sample line of the Prometheus text format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  help: Map<string, string>;
  type: Map<string, string>;
  samples: Sample[];
}

const METRIC = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const HELP = new RegExp(`^# HELP (${METRIC}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${METRIC}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${METRIC})(?:\\{(.*)\\})? (-?[0-9.e+-]+|NaN|\\+Inf|-Inf)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4):
 * throws on any line that is not HELP, TYPE, a sample or empty, and on a
 * sample whose family has no TYPE.
 */
export function parsePrometheus(text: string): Exposition {
  const out: Exposition = { help: new Map(), type: new Map(), samples: [] };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    let m: RegExpMatchArray | null;
    if ((m = line.match(HELP))) out.help.set(m[1]!, m[2]!);
    else if ((m = line.match(TYPE))) out.type.set(m[1]!, m[2]!);
    else if ((m = line.match(SAMPLE))) {
      const labels: Record<string, string> = {};
      if (m[2]) {
        LABEL.lastIndex = 0;
        let consumed = 0;
        let lm: RegExpExecArray | null;
        while ((lm = LABEL.exec(m[2]))) {
          labels[lm[1]!] = lm[2]!;
          consumed = LABEL.lastIndex;
        }
        if (consumed !== m[2].length) throw new Error(`bad labels: ${line}`);
      }
      const family = m[1]!.replace(/_(bucket|sum|count|total|created)$/, "");
      if (!out.type.has(m[1]!) && !out.type.has(family)) throw new Error(`sample without TYPE: ${line}`);
      out.samples.push({ name: m[1]!, labels, value: Number(m[3]!.replace("+Inf", "Infinity")) });
    } else {
      throw new Error(`not Prometheus text: ${JSON.stringify(line)}`);
    }
  }
  return out;
}

/** The value of one sample (labels must match exactly the given subset), or undefined. */
export function value(e: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  return e.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
