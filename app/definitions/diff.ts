// The difference between two definition versions, as people read it: the prose line by line,
// the criteria as sentences, and the required fields added or dropped.
import { diffArrays, diffLines } from "diff";
import type { DefinitionVersion } from "../../db/schema";
import { describeRules } from "./criteria";

export interface DiffPart {
  /** Position in its list, a stable key for rendering. */
  id: number;
  value: string;
  added: boolean;
  removed: boolean;
}

export interface VersionDiff {
  titleChanged: boolean;
  prose: DiffPart[];
  criteria: DiffPart[];
  requiredFieldsAdded: string[];
  requiredFieldsRemoved: string[];
}

type Comparable = Pick<DefinitionVersion, "title" | "prose" | "rules" | "requiredFields">;

export function diffVersions(from: Comparable, to: Comparable): VersionDiff {
  const prose = diffLines(from.prose, to.prose).map((part, id) => ({
    id,
    value: part.value,
    added: Boolean(part.added),
    removed: Boolean(part.removed),
  }));
  const criteria = diffArrays(describeRules(from.rules), describeRules(to.rules))
    .flatMap((part) =>
      part.value.map((line) => ({
        value: line,
        added: Boolean(part.added),
        removed: Boolean(part.removed),
      })),
    )
    .map((part, id) => ({ id, ...part }));
  return {
    titleChanged: from.title !== to.title,
    prose,
    criteria,
    requiredFieldsAdded: to.requiredFields.filter((field) => !from.requiredFields.includes(field)),
    requiredFieldsRemoved: from.requiredFields.filter(
      (field) => !to.requiredFields.includes(field),
    ),
  };
}
