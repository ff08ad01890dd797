// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the endpoints use.
// Every new endpoint adds itself to `paths`.
import { z } from "zod";
import {
  errorResponseSchema,
  memberListResponseSchema,
  memberResponseSchema,
  workspaceResponseSchema,
} from "./schemas";

const componentSchemas = [
  errorResponseSchema,
  workspaceResponseSchema,
  memberResponseSchema,
  memberListResponseSchema,
];

function ref(schema: z.ZodType) {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Component schemas need a .meta({ id })");
  return { $ref: `#/components/schemas/${id}` };
}

function json(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema: ref(schema) } } };
}

const errors = {
  "401": json("No API key, a malformed one, an unknown one or a revoked one.", errorResponseSchema),
  "429": json("Too many requests for this key; see Retry-After.", errorResponseSchema),
};

export function buildOpenApiDocument(serverUrl: string) {
  const registry = z.registry<{ id: string }>();
  for (const schema of componentSchemas) {
    registry.add(schema, { id: z.globalRegistry.get(schema)?.id as string });
  }
  const { schemas } = z.toJSONSchema(registry, {
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(schemas)) {
    delete (schema as Record<string, unknown>).$schema;
    delete (schema as Record<string, unknown>).$id;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1",
      description:
        "The JSON API of Baton. Authenticate with `Authorization: Bearer <api key>`; the key decides the workspace. " +
        "Errors: 400 with field issues, 401 bad or missing key, 403 wrong role, 404 not found or not in this workspace, " +
        "413 body over 1 MiB or batch over 1,000 items, 429 rate limited.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key made in Settings → API keys or with `baton apikey create`.",
        },
      },
      schemas,
    },
    paths: {
      "/workspace": {
        get: {
          summary: "The workspace of this API key",
          operationId: "getWorkspace",
          responses: { "200": json("The workspace.", workspaceResponseSchema), ...errors },
        },
      },
      "/members": {
        get: {
          summary: "Members of the workspace",
          operationId: "listMembers",
          responses: {
            "200": json("Every member with role and team-lead flag.", memberListResponseSchema),
            ...errors,
          },
        },
      },
      "/members/{id}": {
        get: {
          summary: "One member",
          operationId: "getMember",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          responses: {
            "200": json("The member.", memberResponseSchema),
            "404": json("No such member in this workspace.", errorResponseSchema),
            ...errors,
          },
        },
      },
    },
  };
}
