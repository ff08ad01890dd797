#!/usr/bin/env node
// The installed `baton` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

register();
await import("../cli/baton.ts");
