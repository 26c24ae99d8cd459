import { jsonSchemaTransformObject } from "fastify-type-provider-zod";

type Document = ReturnType<typeof jsonSchemaTransformObject>;

/** Every `$ref` target under `value`. */
function refsIn(value: unknown, found: Set<string>): void {
  const todo: unknown[] = [value];
  for (let item = todo.pop(); item !== undefined; item = todo.pop()) {
    if (item === null || typeof item !== "object") continue;
    for (const [key, child] of Object.entries(item)) {
      if (key === "$ref" && typeof child === "string") found.add(child);
      else todo.push(child);
    }
  }
}

/**
 * The document as client generators get it: zod's schemas with ids become components, but each
 * gets an input and an output twin and only one is used; the unused ones (and any schema no route
 * refers to) are left out, so a generated client has no dead types.
 */
export function openapiDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]): Document {
  const document = jsonSchemaTransformObject(input) as Document & {
    paths?: unknown;
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  refsIn(document.paths, used);
  // Follow references from used components to the ones they use, until nothing new is found.
  for (let size = -1; size !== used.size; ) {
    size = used.size;
    for (const ref of [...used]) refsIn(schemas[ref.replace("#/components/schemas/", "")], used);
  }
  for (const name of Object.keys(schemas)) if (!used.has(`#/components/schemas/${name}`)) delete schemas[name];
  return document;
}
