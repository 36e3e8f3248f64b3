// Proxies' common ground in the fake Excel: properties that throw until loaded and synced, loadable
// collections, and key/value items (settings, custom properties).

import type { FakeContext } from "./fakeExcel";

export class Loaded {
  protected loaded = new Map<string, unknown>();
  protected read(name: string): unknown {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: the property '${name}' is not available. Load it and call context.sync() first.`);
    return this.loaded.get(name);
  }
}

/** A proxy whose `load()` queues its own `applyLoad` of the named properties until sync. */
export abstract class LoadableProxy extends Loaded {
  constructor(protected ctx: FakeContext) { super(); }
  abstract applyLoad(props: string[]): void;
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => this.applyLoad(props));
    return this;
  }
}

export class FakeCollection<T extends { applyLoad(props: string[]): void }> extends Loaded {
  constructor(private ctx: FakeContext, private list: () => T[]) { super(); }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => {
      const items = this.list();
      for (const item of items) item.applyLoad(props);
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): T[] {
    return this.read("items") as T[];
  }
}

export class KeyValueProxy extends Loaded {
  constructor(private ctx: FakeContext, readonly keyName: string, private store: () => Map<string, unknown>) { super(); }
  load(): this {
    this.ctx.enqueue({ op: "load" }, () => {
      const map = this.store();
      this.loaded.set("isNullObject", !map.has(this.keyName));
      if (map.has(this.keyName)) this.loaded.set("value", map.get(this.keyName));
    });
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get key(): string { return this.keyName; }
  get value(): unknown { return this.read("value"); }
  set value(v: unknown) { this.ctx.enqueue({ op: "set", v }, () => this.store().set(this.keyName, v)); }
  delete(): void { this.ctx.enqueue({ op: "delete" }, () => this.store().delete(this.keyName)); }
}
