// Keeps the functions chunk from throwing where office.js is absent or blocked: the build appends
// `CustomFunctions.associate(...)` calls to functions.ts, which need a CustomFunctions global. Where
// there is none, a stand-in records the associations in the same place office.js keeps them
// (`_association.mappings`, by upper-case id), so a page outside Office meets no ReferenceError.

interface Registry {
  associate: (id: string | Record<string, unknown>, fn?: unknown) => void;
  _association?: { mappings: Record<string, unknown> };
}

/** Installs the stand-in registry when the runtime has no CustomFunctions.associate; returns the registry in use. */
export function ensureCustomFunctionsRegistry(scope: { CustomFunctions?: Partial<Registry> } = globalThis as { CustomFunctions?: Partial<Registry> }): Registry {
  const existing = scope.CustomFunctions;
  if (existing && typeof existing.associate === "function") return existing as Registry;
  const mappings: Record<string, unknown> = {};
  const registry: Registry = {
    associate(id, fn) {
      const pairs = typeof id === "string" ? [[id, fn] as const] : Object.entries(id);
      for (const [name, value] of pairs) mappings[name.toUpperCase()] = value;
    },
    _association: { mappings },
  };
  scope.CustomFunctions = { ...(existing ?? {}), ...registry };
  return scope.CustomFunctions as Registry;
}
