// Loads WorkOS's official OpenAPI spec (@workos/openapi-spec) and validates JSON bodies against
// the schema of an operation's response or of an event type, with a JSON Schema 2020-12
// validator (OpenAPI 3.1 schemas are 2020-12 schemas plus a few annotation keywords).
//
// Two findings per body:
//   - errors:     the schemas exactly as published (required fields, types, enums, consts,
//                 formats, additionalProperties where the spec sets it);
//   - undeclared: properties of the body that no applicable schema declares (the spec leaves
//                 most objects open, so a validator alone would never see an invented field).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const SPEC_ID = 'https://contract.invalid/workos-openapi.json';

// OpenAPI keywords that are annotations (no effect on validation) and unknown to JSON Schema.
const OPENAPI_ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'];

// Keywords whose value is a map of name -> schema, a schema, or a list of schemas.
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_VALUES = ['additionalProperties', 'unevaluatedProperties', 'items', 'contains', 'not', 'if', 'then', 'else',
                       'propertyNames', 'unevaluatedItems'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

const escapePointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (key) => key.replace(/~1/g, '/').replace(/~0/g, '~');
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function specPath() {
    return require.resolve('@workos/openapi-spec/spec');
}

export function specVersion() {
    return JSON.parse(readFileSync(require.resolve('@workos/openapi-spec/package.json'), 'utf8')).version;
}

// Walks every schema node once (the YAML has anchors, so nodes can be shared).
function walkSchema(node, visit, seen = new WeakSet()) {
    if (!isObject(node) || seen.has(node))
        return;
    seen.add(node);
    visit(node);
    for (const key of SCHEMA_MAPS) {
        if (isObject(node[key]))
            for (const child of Object.values(node[key])) walkSchema(child, visit, seen);
    }
    for (const key of SCHEMA_VALUES) walkSchema(node[key], visit, seen);
    for (const key of SCHEMA_LISTS) {
        if (Array.isArray(node[key]))
            for (const child of node[key]) walkSchema(child, visit, seen);
    }
}

// Every schema root of the document: components and the schemas of each operation.
function schemaRoots(doc) {
    const roots = Object.values(doc.components?.schemas ?? {});
    for (const item of Object.values(doc.paths ?? {})) {
        for (const op of Object.values(item)) {
            if (!op || typeof op !== 'object') continue;
            for (const p of op.parameters ?? []) if (p.schema) roots.push(p.schema);
            for (const c of Object.values(op.requestBody?.content ?? {})) if (c.schema) roots.push(c.schema);
            for (const r of Object.values(op.responses ?? {}))
                for (const c of Object.values(r.content ?? {})) if (c.schema) roots.push(c.schema);
        }
    }
    return roots;
}

// Makes the published document a valid 2020-12 schema set; returns what it had to change.
function sanitize(doc) {
    const fixes = { duplicateRequired: [], nullable: 0, annotationsRemoved: 0 };
    const seen = new WeakSet();
    const named = new Map(Object.entries(doc.components?.schemas ?? {}).map(([k, v]) => [v, k]));
    for (const root of schemaRoots(doc)) {
        walkSchema(root, (node) => {
            for (const key of OPENAPI_ANNOTATIONS) {
                if (key in node) { delete node[key]; fixes.annotationsRemoved++; }
            }
            for (const key of Object.keys(node)) if (key.startsWith('x-')) delete node[key];
            // 2020-12 requires `required` to hold unique names; five list schemas of 0.1.0 repeat one.
            if (Array.isArray(node.required) && new Set(node.required).size !== node.required.length) {
                const dupes = node.required.filter((k, i) => node.required.indexOf(k) !== i);
                fixes.duplicateRequired.push(`${named.get(root) ?? '(inline)'}: ${[...new Set(dupes)].join(', ')}`);
                node.required = [...new Set(node.required)];
            }
            // OpenAPI 3.0 style `nullable: true` (3.1 uses type unions; kept for older specs).
            if (node.nullable === true) {
                if (typeof node.type === 'string') node.type = [node.type, 'null'];
                else if (Array.isArray(node.type) && !node.type.includes('null')) node.type.push('null');
                else if (node.enum && !node.enum.includes(null)) node.enum.push(null);
                fixes.nullable++;
            }
            delete node.nullable;
        }, seen);
    }
    return fixes;
}

// Absolute $refs so that inline response schemas can point into the shared definitions.
function absoluteRefs(value, seen = new WeakMap()) {
    if (Array.isArray(value)) return value.map((v) => absoluteRefs(v, seen));
    if (!value || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    const out = {};
    seen.set(value, out);
    for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/'))
            out[k] = `${SPEC_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
        else
            out[k] = absoluteRefs(v, seen);
    }
    return out;
}

function newAjv() {
    const ajv = new Ajv2020({
        strict: true,          // unknown keywords in the spec are errors, not silently ignored
        strictTypes: false,    // the spec has `required` next to untyped nodes; not a validation matter
        strictRequired: false,
        allowUnionTypes: true,
        allErrors: true,
        validateFormats: true,
    });
    addFormats(ajv, { mode: 'full' });
    return ajv;
}

const lower = (m) => m.toLowerCase();

export class Contract {
    constructor(file = specPath()) {
        const doc = YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
        this.version = specVersion();
        this.openapi = doc.openapi;
        this.fixes = sanitize(doc);
        this.doc = doc;

        // Event types: EventSchema = allOf[envelope, oneOf[one object schema per event type]].
        const eventSchema = doc.components.schemas.EventSchema;
        const unionIndex = eventSchema.allOf.findIndex((s) => s.oneOf);
        this.eventTypes = new Map(eventSchema.allOf[unionIndex].oneOf.map((v, i) => [v.properties.event.const, i]));
        this.eventEnvelope = `/$defs/EventSchema/allOf/${1 - unionIndex}`;
        this.eventVariant = (type) => `/$defs/EventSchema/allOf/${unionIndex}/oneOf/${this.eventTypes.get(type)}`;

        // One schema document: the components plus every operation's request and response
        // schemas under synthetic names, so that any subschema has a JSON pointer.
        const defs = absoluteRefs(doc.components.schemas);
        this.responses = new Map();
        this.requests = new Map();
        for (const [path, item] of Object.entries(doc.paths)) {
            for (const [method, op] of Object.entries(item)) {
                if (!op?.responses) continue;
                for (const [status, r] of Object.entries(op.responses)) {
                    const key = `${method} ${path} ${status}`;
                    const schema = r.content?.['application/json']?.schema;
                    if (schema) defs[`response ${key}`] = absoluteRefs(schema);
                    this.responses.set(key, { pointer: schema ? `/$defs/${escapePointer(`response ${key}`)}` : null,
                                              contentTypes: Object.keys(r.content ?? {}), description: r.description });
                }
                const request = op.requestBody?.content?.['application/json']?.schema;
                if (request) {
                    defs[`request ${method} ${path}`] = absoluteRefs(request);
                    this.requests.set(`${method} ${path}`, `/$defs/${escapePointer(`request ${method} ${path}`)}`);
                }
            }
        }
        this.root = { $id: SPEC_ID, $defs: defs };
        this.ajv = newAjv();
        this.ajv.addSchema(this.root);
        this.cache = new Map();
    }

    hasOperation(method, pathTemplate) {
        return Boolean(this.doc.paths[pathTemplate]?.[lower(method)]);
    }

    // The documented response for (method, path template, status), or null. `schema` is true
    // when it has a JSON body schema.
    response(method, pathTemplate, status) {
        const r = this.responses.get(`${lower(method)} ${pathTemplate} ${status}`);
        return r ? { ...r, schema: Boolean(r.pointer) } : null;
    }

    // The compiled validator of the subschema at `pointer` (cached).
    validator(pointer) {
        if (!this.cache.has(pointer)) this.cache.set(pointer, this.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` }));
        return this.cache.get(pointer);
    }

    node(pointer) {
        return pointer.split('/').slice(1).reduce((n, k) => n?.[unescapePointer(k)], this.root);
    }

    // -> { errors: [...spec violations], undeclared: [...JSON pointers of properties the spec does not declare] }
    validateResponse(method, pathTemplate, status, body) {
        const r = this.responses.get(`${lower(method)} ${pathTemplate} ${status}`);
        if (!r) throw new Error(`spec ${this.version} documents no ${status} response for ${method} ${pathTemplate}`);
        if (!r.pointer) throw new Error(`spec ${this.version}: ${status} of ${method} ${pathTemplate} has no JSON body schema`);
        return this.check([r.pointer], body);
    }

    // A request body we send, against the operation's requestBody schema (keeps the tests' own
    // requests realistic). Only spec violations count here.
    validateRequest(method, pathTemplate, body) {
        const pointer = this.requests.get(`${lower(method)} ${pathTemplate}`);
        if (!pointer) throw new Error(`spec ${this.version} has no JSON request body for ${method} ${pathTemplate}`);
        const validate = this.validator(pointer);
        return validate(body) ? [] : [...validate.errors];
    }

    // A named component schema (components.schemas.<name>), as published.
    validateComponent(name, value) {
        if (!this.doc.components.schemas[name]) throw new Error(`spec ${this.version} has no component ${name}`);
        const validate = this.validator(`/$defs/${escapePointer(name)}`);
        return validate(value) ? [] : [...validate.errors];
    }

    // An event (envelope + data) against the spec's schema for its type: the envelope and the
    // one variant of the EventSchema union whose `event` const is the type.
    validateEvent(event) {
        const type = event?.event;
        if (!this.eventTypes.has(type))
            return { errors: [{ instancePath: '/event', keyword: 'event', params: {}, message: `"${type}" is not an event type of spec ${this.version}` }],
                     undeclared: [] };
        return this.check([this.eventEnvelope, this.eventVariant(type)], event);
    }

    // All of `pointers` must accept `value`; then the properties none of them declares.
    check(pointers, value) {
        const errors = [];
        for (const pointer of pointers) {
            const validate = this.validator(pointer);
            if (!validate(value)) errors.push(...validate.errors);
        }
        if (errors.length) return { errors, undeclared: [] };
        const undeclared = [];
        this.undeclared(pointers, value, '', undeclared);
        return { errors, undeclared: [...new Set(undeclared)] };
    }

    // Walks `value` along the schemas at `pointers` and collects the properties no applicable
    // schema declares (where none allows additional ones). allOf branches all apply; of oneOf and
    // anyOf only the branches that accept the value.
    undeclared(pointers, value, path, out) {
        const schemas = [];
        const collect = (pointer) => {
            const node = this.node(pointer);
            if (!isObject(node) || schemas.some((s) => s.pointer === pointer)) return;
            schemas.push({ pointer, node });
            if (typeof node.$ref === 'string') collect(node.$ref.slice(node.$ref.indexOf('#') + 1));
            (node.allOf ?? []).forEach((_, i) => collect(`${pointer}/allOf/${i}`));
            for (const key of ['oneOf', 'anyOf']) {
                (node[key] ?? []).forEach((_, i) => {
                    if (this.validator(`${pointer}/${key}/${i}`)(value)) collect(`${pointer}/${key}/${i}`);
                });
            }
        };
        pointers.forEach(collect);

        if (Array.isArray(value)) {
            const items = schemas.filter((s) => isObject(s.node.items)).map((s) => `${s.pointer}/items`);
            if (items.length) value.forEach((v, i) => this.undeclared(items, v, `${path}/${i}`, out));
            return;
        }
        if (!isObject(value)) return;
        const objectSchemas = schemas.filter((s) => s.node.properties || s.node.additionalProperties !== undefined
                                              || s.node.patternProperties || s.node.type === 'object');
        if (objectSchemas.length === 0) return; // nothing says what this object holds
        for (const [key, v] of Object.entries(value)) {
            const childPath = `${path}/${escapePointer(key)}`;
            const declaring = objectSchemas.filter((s) => s.node.properties && Object.hasOwn(s.node.properties, key))
                .map((s) => `${s.pointer}/properties/${escapePointer(key)}`);
            const patterns = objectSchemas.flatMap((s) => Object.keys(s.node.patternProperties ?? {})
                .filter((p) => new RegExp(p, 'u').test(key)).map((p) => `${s.pointer}/patternProperties/${escapePointer(p)}`));
            // A free-form map (additionalProperties only) opens the object unless another schema
            // that applies lists the properties: the event envelope's `data: {additionalProperties: {}}`
            // must not hide what the event type's own `data` schema leaves out.
            const listing = objectSchemas.filter((s) => s.node.properties);
            const additional = (listing.length ? listing : objectSchemas)
                .filter((s) => s.node.additionalProperties !== undefined && s.node.additionalProperties !== false)
                .map((s) => `${s.pointer}/additionalProperties`);
            const applicable = [...declaring, ...patterns];
            if (applicable.length) this.undeclared(applicable, v, childPath, out);
            else if (additional.length) this.undeclared(additional, v, childPath, out);
            else out.push(childPath);
        }
    }
}

// One line per error, with the offending value, for assertion messages.
export function describeErrors(errors, body) {
    return errors.map((e) => {
        let value;
        try {
            value = e.instancePath.split('/').slice(1).reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], body);
        } catch { value = undefined; }
        const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 120)})`;
        const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
        return `${e.instancePath || '/'} ${e.message}${extra}${shown}`;
    }).join('\n');
}
