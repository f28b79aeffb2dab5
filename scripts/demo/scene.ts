import type { DemoWorld } from "./world";

/** One part of the demo story. Scenes run in order on the same world; append new ones in scripts/demo/index.ts. */
export type Scene = { title: string; play: (world: DemoWorld) => Promise<void> };
