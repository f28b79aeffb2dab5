import type { DemoWorld } from "./world";

/** One part of the demo story. Scenes run in order on the same world; append new ones in scripts/demo/index.ts. */
export type Scene = {
  title: string;
  /** The title when the members are on Zalo (`--zalo`), where its words would be wrong there (a link, a button). */
  zaloTitle?: string;
  play: (world: DemoWorld) => Promise<void>;
};

export const titleOf = (scene: Scene, world: DemoWorld): string => (world.zalo ? (scene.zaloTitle ?? scene.title) : scene.title);
