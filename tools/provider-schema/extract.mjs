#!/usr/bin/env node
// Extracts a compact Terraform provider schema (arguments and blocks that may be
// written in configuration) for a list of resource / data source types from the
// jsii assembly shipped inside a prebuilt cdktf provider package
// (default: @cdktf/provider-aws@21.22.1 == hashicorp/aws 6.25.0).
//
// Plain Node >= 20, no dependencies. Needs `npm` (to fetch the package, unless
// --tarball is given) and `tar` on PATH. See README.md next to this file.
//
// Usage:
//   node tools/provider-schema/extract.mjs [options] [type ...]
// Options:
//   --package NAME@VERSION  npm package to read (default @cdktf/provider-aws@21.22.1)
//   --tarball FILE          use this local .tgz instead of running `npm pack`
//   --workdir DIR           where to download / unpack (default: a fresh dir under the OS temp dir)
//   --types-file FILE       type list (default tools/provider-schema/types.txt); ignored when types are given
//   --out FILE              output (default src/test/resources/provider-schema/aws-<provider version>.json)
//   --stdout                print the JSON instead of writing --out
//   --compare FILE          also print (to stderr) how the result differs from a real provider schema,
//                           FILE being `terraform providers schema -json` output (e.g. for 5.100.0)
// Types are Terraform type names; data sources are prefixed with "data." (data.aws_ssm_parameter).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SCRIPT_DIR, '..', '..');
const DEFAULT_PACKAGE = '@cdktf/provider-aws@21.22.1';
const RESOURCE_BASE = 'cdktf.TerraformResource';
const DATA_SOURCE_BASE = 'cdktf.TerraformDataSource';
const RESOLVABLE = 'cdktf.IResolvable';

function die(msg) {
  console.error(`extract.mjs: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { pkg: DEFAULT_PACKAGE, types: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) die(`missing value for ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '--package': opts.pkg = next(); break;
      case '--tarball': opts.tarball = path.resolve(next()); break;
      case '--workdir': opts.workdir = path.resolve(next()); break;
      case '--types-file': opts.typesFile = path.resolve(next()); break;
      case '--out': opts.out = path.resolve(next()); break;
      case '--stdout': opts.stdout = true; break;
      case '--compare': opts.compare = path.resolve(next()); break;
      case '-h': case '--help':
        { // print the header comment
          const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
          const end = lines.findIndex((l) => !l.startsWith('//'));
          console.log(lines.slice(0, end).map((l) => l.slice(3)).join('\n'));
        }
        process.exit(0);
        break;
      default:
        if (a.startsWith('--')) die(`unknown option ${a}`);
        opts.types.push(a);
    }
  }
  return opts;
}

function readTypes(opts) {
  if (opts.types.length > 0) return opts.types;
  const file = opts.typesFile ?? path.join(SCRIPT_DIR, 'types.txt');
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .flatMap((l) => l.split(/\s+/))
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// Package acquisition
// ---------------------------------------------------------------------------

function sriSha512(file) {
  return 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

function obtainPackage(opts) {
  const workdir = opts.workdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'provider-schema-'));
  fs.mkdirSync(workdir, { recursive: true });
  let tarball = opts.tarball;
  let npmIntegrity;
  if (!tarball) {
    const out = execFileSync('npm', ['pack', opts.pkg, '--json', '--pack-destination', workdir],
      { cwd: workdir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
    const info = JSON.parse(out)[0];
    tarball = path.join(workdir, info.filename);
    npmIntegrity = info.integrity;
  }
  const integrity = sriSha512(tarball);
  if (npmIntegrity && npmIntegrity !== integrity) {
    die(`integrity mismatch: npm says ${npmIntegrity}, tarball hashes to ${integrity}`);
  }
  const unpackDir = path.join(workdir, 'unpacked');
  if (!fs.existsSync(path.join(unpackDir, 'package', 'package.json'))) {
    fs.mkdirSync(unpackDir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', unpackDir], { stdio: 'inherit' });
  }
  return { packageDir: path.join(unpackDir, 'package'), integrity, workdir };
}

// The .jsii file is either the assembly itself or a redirect to a compressed one
// ({"schema":"jsii/file-redirect","compression":"gzip","filename":".jsii.gz"}).
function loadAssembly(packageDir) {
  let file = path.join(packageDir, '.jsii');
  let json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json.schema === 'jsii/file-redirect') {
    file = path.join(packageDir, json.filename);
    let buf = fs.readFileSync(file);
    if (json.compression === 'gzip') buf = zlib.gunzipSync(buf);
    else if (json.compression) die(`unsupported assembly compression ${json.compression}`);
    json = JSON.parse(buf.toString('utf8'));
  }
  if (!String(json.schema).startsWith('jsii/')) die(`not a jsii assembly: ${file}`);
  return json;
}

// ---------------------------------------------------------------------------
// Generated JavaScript: the exact Terraform names cdktf emits, plus list/set/single
// nesting, which the jsii type system cannot express (both are arrays there).
// ---------------------------------------------------------------------------

const jsCache = new Map();
function jsSource(packageDir, locationFile) {
  const rel = locationFile.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
  if (!jsCache.has(rel)) jsCache.set(rel, fs.readFileSync(path.join(packageDir, rel), 'utf8'));
  return jsCache.get(rel);
}

// Parses a `const attrs = { name: { value: ..., isBlock: .., type: "..", storageClassType: ".." }, ... }`
// literal (from synthesizeHclAttributes() or <struct>ToHclTerraform()).
function parseHclAttrs(body, where) {
  if (body.includes('const attrs = {};')) return new Map(); // struct without writable fields
  const start = body.indexOf('const attrs = {');
  if (start < 0) die(`no attrs literal in ${where}`);
  const end = body.indexOf('// remove undefined attributes', start);
  if (end < 0) die(`unterminated attrs literal in ${where}`);
  const text = body.slice(start, end);
  const re = /^\s+["']?([A-Za-z0-9_]+)["']?: \{\s*\n\s*value: (.*),\s*\n\s*isBlock: (true|false),\s*\n\s*type: "(\w+)",\s*\n\s*storageClassType: "(\w+)",\s*\n\s*\}/gm;
  const attrs = new Map();
  for (const m of text.matchAll(re)) {
    const [, name, value, isBlock, type, storageClassType] = m;
    const field = /\((?:struct\.|this\._)([A-Za-z0-9_$]+)(?:\.internalValue)?\)\s*$/.exec(value);
    attrs.set(name, {
      name, isBlock: isBlock === 'true', type, storageClassType,
      field: field ? field[1] : undefined,
      // listMapperHcl(fn, isBlockType) / hashMapperHcl(fn)
      mapperIsBlock: /listMapperHcl\([^,]+, (true|false)\)/.exec(value)?.[1],
    });
  }
  return attrs;
}

function functionBody(src, header, where) {
  const i = src.indexOf(header);
  if (i < 0) die(`cannot find "${header}" for ${where}`);
  const j = src.indexOf('\n}\n', i);
  return src.slice(i, j < 0 ? undefined : j);
}

function structHclAttrs(packageDir, type) {
  const src = jsSource(packageDir, type.locationInModule.filename);
  const fn = type.name.charAt(0).toLowerCase() + type.name.slice(1) + 'ToHclTerraform';
  return parseHclAttrs(functionBody(src, `function ${fn}(struct) {`, type.fqn), type.fqn);
}

function classHclAttrs(packageDir, cls) {
  const src = jsSource(packageDir, cls.locationInModule.filename);
  const classBody = functionBody(src, `class ${cls.name} extends cdktf.`, cls.fqn);
  const i = classBody.indexOf('synthesizeHclAttributes() {');
  if (i < 0) die(`no synthesizeHclAttributes in ${cls.fqn}`);
  const j = classBody.indexOf('\n    }\n', i);
  return parseHclAttrs(classBody.slice(i, j), cls.fqn);
}

function classTfType(packageDir, cls) {
  const src = jsSource(packageDir, cls.locationInModule.filename);
  return new RegExp(`^${cls.name}\\.tfResourceType = "([^"]+)";`, 'm').exec(src)?.[1];
}

// ---------------------------------------------------------------------------
// Assembly walking
// ---------------------------------------------------------------------------

function stripResolvable(t) {
  if (t.union) {
    const rest = t.union.types.filter((u) => u.fqn !== RESOLVABLE);
    if (rest.length === 1) return stripResolvable(rest[0]);
    if (rest.length === 0) return { primitive: 'any' };
    die(`unsupported union ${JSON.stringify(t)}`);
  }
  return t;
}

function primitiveName(t, where) {
  t = stripResolvable(t);
  if (t.primitive) {
    return { string: 'string', number: 'number', boolean: 'bool', any: 'any', json: 'any' }[t.primitive]
      ?? die(`unsupported primitive ${t.primitive} at ${where}`);
  }
  if (t.collection) {
    const inner = primitiveName(t.collection.elementtype, where);
    return t.collection.kind === 'array' ? `list(${inner})` : `map(${inner})`;
  }
  if (t.fqn === RESOLVABLE) return 'any';
  die(`unsupported type ${JSON.stringify(t)} at ${where}`);
}

// Returns { struct: fqn, array: bool, map: bool } when the type is (a collection of) a struct.
function structRef(t, assemblyName) {
  t = stripResolvable(t);
  if (t.fqn && t.fqn.startsWith(assemblyName + '.')) return { struct: t.fqn, array: false, map: false };
  if (t.collection) {
    const e = stripResolvable(t.collection.elementtype);
    if (e.fqn && e.fqn.startsWith(assemblyName + '.')) {
      return { struct: e.fqn, array: t.collection.kind === 'array', map: t.collection.kind === 'map' };
    }
  }
  return undefined;
}

// "Docs at Terraform Registry: {@link https://.../docs/resources/instance#get_password_data Instance#get_password_data}"
function docAnchor(prop) {
  const text = `${prop.docs?.summary ?? ''} ${prop.docs?.remarks ?? ''}`;
  return /\{@link https:\/\/registry\.terraform\.io\/providers\/[^\s}]*#([A-Za-z0-9_]+) [A-Za-z0-9_]+#([A-Za-z0-9_]+)\}/.exec(text)?.[2];
}

function snake(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

class Extractor {
  constructor(assembly, packageDir) {
    this.asm = assembly;
    this.packageDir = packageDir;
    this.notes = [];
  }

  ownAndInheritedProps(fqn) {
    const t = this.asm.types[fqn] ?? die(`type ${fqn} not in assembly`);
    const props = [...(t.properties ?? [])];
    for (const i of t.interfaces ?? []) {
      if (i.startsWith(this.asm.name + '.')) props.push(...this.ownAndInheritedProps(i));
      // cdktf.TerraformMetaArguments (count, dependsOn, forEach, provider, lifecycle,
      // connection, provisioners) is deliberately not expanded: meta-arguments are
      // handled by the checker, not by the provider schema.
    }
    return props;
  }

  // Converts one struct (a Config struct or a nested block struct) into {attributes, blocks}.
  convertStruct(fqn, hclAttrs, where) {
    const props = this.ownAndInheritedProps(fqn);
    const out = { attributes: {}, blocks: {} };
    const seen = new Set();
    for (const p of props) {
      const hclByField = [...hclAttrs.values()].find((h) => h.field === p.name);
      const tfName = docAnchor(p) ?? hclByField?.name ?? snake(p.name);
      if (!docAnchor(p) && !hclByField) this.notes.push(`${where}.${p.name}: Terraform name guessed as ${tfName}`);
      if (hclByField && hclByField.name !== tfName) {
        die(`${where}.${p.name}: docs say ${tfName}, generated JS writes ${hclByField.name}`);
      }
      const hcl = hclAttrs.get(tfName) ?? die(`${where}: property ${p.name} -> ${tfName} not found in generated JS`);
      if (seen.has(tfName)) die(`${where}: duplicate Terraform name ${tfName}`);
      seen.add(tfName);
      const required = !p.optional;
      const ref = structRef(p.type, this.asm.name);
      if (ref) {
        const isBlock = / block\.$/.test(p.docs?.summary ?? '');
        if (hcl.mapperIsBlock !== undefined && (hcl.mapperIsBlock === 'true') !== isBlock) {
          die(`${where}.${tfName}: docs and generated JS disagree on block vs attribute`);
        }
        const nestedType = this.asm.types[ref.struct];
        const inner = this.convertStruct(ref.struct, structHclAttrs(this.packageDir, nestedType), `${where}.${tfName}`);
        let nesting;
        if (ref.map || hcl.type === 'map') nesting = 'map';
        else if (hcl.type === 'struct') nesting = 'single';
        else if (hcl.type === 'list' || hcl.type === 'set') nesting = hcl.type;
        else die(`${where}.${tfName}: unexpected HCL type ${hcl.type} for a struct`);
        const entry = { nesting, required };
        // cdktf models list/set blocks with max_items = 1 as a single struct instead of an array.
        if (!ref.array && !ref.map && (nesting === 'list' || nesting === 'set')) entry.max_items = 1;
        if (isBlock) {
          out.blocks[tfName] = { ...entry, ...inner };
        } else {
          // An attribute whose type is an object / list of objects / set of objects
          // (e.g. aws_security_group.ingress, aws_route_table.route).
          // Terraform's JSON syntax always reads these as attributes (never as
          // blocks), and converting a JSON object to an SDKv2 object type needs
          // every field present (null allowed). SDKv2 object types carry no
          // per-field optionality, so cdktf marks all their fields optional; a
          // plugin-framework nested attribute keeps its own required/optional
          // flags and may omit optional fields. All-optional => assume SDKv2.
          const allOptional = Object.values(inner.attributes).every((a) => !a.required)
            && Object.values(inner.blocks).every((b) => !b.required);
          if (allOptional) this.notes.push(`${where}.${tfName}: object attribute, assuming every field must be present in JSON`);
          out.attributes[tfName] = {
            type: nesting === 'single' ? 'object' : `${nesting}(object)`,
            required,
            ...(entry.max_items ? { max_items: entry.max_items } : {}),
            json_requires_all_fields: allOptional,
            object: inner,
          };
        }
      } else {
        let type = primitiveName(p.type, `${where}.${tfName}`);
        if (hcl.type === 'set') type = type.replace(/^list\(/, 'set(');
        // Cross-check with cdktf's storage class: string, number, boolean, any,
        // stringList, numberList, stringMap, booleanMap, stringListList, stringMapMap, ...
        const storage = { string: 'string', number: 'number', bool: 'boolean', any: 'any' };
        const innermost = type.replace(/^((list|set|map)\()+/, '').replace(/\)+$/, '');
        const expectedStorage = storage[innermost]
          + type.split('(').slice(0, -1).reverse().map((k) => (k === 'map' ? 'Map' : 'List')).join('');
        if (hcl.storageClassType !== expectedStorage) {
          die(`${where}.${tfName}: jsii type ${type} vs generated JS storage class ${hcl.storageClassType}`);
        }
        out.attributes[tfName] = { type, required };
      }
    }
    const missing = [...hclAttrs.keys()].filter((k) => !seen.has(k));
    if (missing.length) die(`${where}: generated JS has names without jsii property: ${missing.join(', ')}`);
    return out;
  }

  indexClasses() {
    const byTf = new Map();
    for (const t of Object.values(this.asm.types)) {
      if (t.kind !== 'class' || (t.base !== RESOURCE_BASE && t.base !== DATA_SOURCE_BASE)) continue;
      const m = /^Represents a \{@link https:\/\/registry\.terraform\.io\/providers\/([^/]+\/[^/]+)\/([^/]+)\/docs\/(resources|data-sources)\/\S+ ([a-z0-9_]+)\}/.exec(t.docs?.summary ?? '');
      if (!m) die(`cannot read Terraform type from docs of ${t.fqn}`);
      const [, provider, version, kind, tfType] = m;
      const isData = t.base === DATA_SOURCE_BASE;
      if ((kind === 'data-sources') !== isData) die(`${t.fqn}: docs kind ${kind} vs base ${t.base}`);
      const key = (isData ? 'data.' : '') + tfType;
      if (byTf.has(key)) die(`two classes for ${key}`);
      byTf.set(key, { cls: t, provider, version, tfType, isData });
    }
    return byTf;
  }

  extract(types) {
    const byTf = this.indexClasses();
    const versions = new Set([...byTf.values()].map((c) => `${c.provider}@${c.version}`));
    if (versions.size !== 1) die(`assembly documents several provider versions: ${[...versions]}`);
    const [provider, version] = [...versions][0].split('@');
    const result = { provider, version, resources: {}, data_sources: {} };
    for (const key of types) {
      const c = byTf.get(key) ?? die(`no class for ${key} in ${this.asm.name}@${this.asm.version}`);
      const jsType = classTfType(this.packageDir, c.cls);
      if (jsType !== c.tfType) die(`${c.cls.fqn}: tfResourceType ${jsType} vs docs ${c.tfType}`);
      const configParam = c.cls.initializer.parameters.find((p) => p.name === 'config')
        ?? die(`${c.cls.fqn}: no config parameter`);
      const schema = this.convertStruct(configParam.type.fqn, classHclAttrs(this.packageDir, c.cls), key);
      (c.isData ? result.data_sources : result.resources)[c.tfType] = schema;
    }
    return result;
  }
}

// ---------------------------------------------------------------------------
// --compare: differences from a `terraform providers schema -json` document, to
// review what changed between provider versions and to validate the derivation.
// ---------------------------------------------------------------------------

function compactFromTerraform(block) {
  const tfType = (t) => (typeof t === 'string' ? (t === 'dynamic' ? 'any' : t)
    : t[0] === 'object' ? 'object' : `${t[0]}(${tfType(t[1])})`);
  const out = { attributes: {}, blocks: {} };
  for (const [n, a] of Object.entries(block.attributes ?? {})) {
    if (a.computed && !a.optional && !a.required) continue; // cannot be written
    const type = a.nested_type ? `nested-${a.nested_type.nesting_mode}` : tfType(a.type);
    out.attributes[n] = { type, required: !!a.required };
  }
  for (const [n, b] of Object.entries(block.block_types ?? {})) {
    out.blocks[n] = { nesting: b.nesting_mode, required: (b.min_items ?? 0) > 0,
      max_items: b.max_items, ...compactFromTerraform(b.block) };
  }
  return out;
}

function compareBlocks(old, cur, where, diffs) {
  for (const k of new Set([...Object.keys(old.attributes), ...Object.keys(cur.attributes)])) {
    const a = old.attributes[k];
    const b = cur.attributes[k];
    if (!a) diffs.push(`${where}.${k}: only in extracted (${b.type}${b.required ? ', required' : ''})`);
    else if (!b) diffs.push(`${where}.${k}: only in reference (${a.type})`);
    else {
      if (a.type !== b.type) diffs.push(`${where}.${k}: type ${a.type} -> ${b.type}`);
      if (a.required !== b.required) diffs.push(`${where}.${k}: required ${a.required} -> ${b.required}`);
    }
  }
  for (const k of new Set([...Object.keys(old.blocks), ...Object.keys(cur.blocks)])) {
    const a = old.blocks[k];
    const b = cur.blocks[k];
    if (!a) diffs.push(`${where}.${k}: block only in extracted (${b.nesting})`);
    else if (!b) diffs.push(`${where}.${k}: block only in reference`);
    else {
      if (a.nesting !== b.nesting) diffs.push(`${where}.${k}: nesting ${a.nesting} -> ${b.nesting}`);
      if ((a.max_items ?? 0) !== (b.max_items ?? 0)) diffs.push(`${where}.${k}: max_items ${a.max_items} -> ${b.max_items}`);
      if (a.required !== b.required) diffs.push(`${where}.${k}: block required ${a.required} -> ${b.required}`);
      compareBlocks(a, b, `${where}.${k}`, diffs);
    }
  }
}

function compare(doc, referenceFile) {
  const ref = JSON.parse(fs.readFileSync(referenceFile, 'utf8'));
  const key = Object.keys(ref.provider_schemas ?? {}).find((k) => k.endsWith('/' + doc.provider));
  if (!key) die(`${referenceFile} has no schema for ${doc.provider}`);
  const p = ref.provider_schemas[key];
  const diffs = [];
  for (const [section, refSection, prefix] of [['resources', 'resource_schemas', ''], ['data_sources', 'data_source_schemas', 'data.']]) {
    for (const [type, cur] of Object.entries(doc[section])) {
      const old = p[refSection]?.[type];
      if (!old) { diffs.push(`${prefix}${type}: not in reference`); continue; }
      compareBlocks(compactFromTerraform(old.block), cur, prefix + type, diffs);
    }
  }
  console.error(`--- compared with ${referenceFile} (reference -> extracted): ${diffs.length} differences`);
  for (const d of diffs) console.error(d);
}

// Pretty JSON with sorted keys; objects holding only scalars (attribute
// entries) stay on one line so the file is small and diffs stay per-argument.
function format(v, indent = '') {
  if (!v || typeof v !== 'object') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.every((x) => !x || typeof x !== 'object')) return JSON.stringify(v);
    return `[\n${v.map((x) => inner + format(x, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = indent === '' ? Object.keys(v) : Object.keys(v).sort(); // top level keeps its order
  if (keys.length === 0) return '{}';
  if (keys.every((k) => !v[k] || typeof v[k] !== 'object')) {
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(v[k])}`).join(', ')}}`;
  }
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${format(v[k], inner)}`).join(',\n')}\n${indent}}`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const types = [...new Set(readTypes(opts))];
  if (types.length === 0) die('no types given');
  const { packageDir, integrity, workdir } = obtainPackage(opts);
  const pkgJson = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const asm = loadAssembly(packageDir);
  if (asm.name !== pkgJson.name || asm.version !== pkgJson.version) {
    die(`assembly ${asm.name}@${asm.version} does not match package ${pkgJson.name}@${pkgJson.version}`);
  }
  const ex = new Extractor(asm, packageDir);
  const schema = ex.extract(types);
  const doc = {
    provider: schema.provider,
    version: schema.version,
    source: `${asm.name}@${asm.version}`,
    integrity,
    resources: schema.resources,
    data_sources: schema.data_sources,
  };
  const text = format(doc) + '\n';
  for (const n of ex.notes) console.error(`note: ${n}`);
  if (opts.compare) compare(doc, opts.compare);
  if (opts.stdout) {
    process.stdout.write(text);
  } else {
    const out = opts.out ?? path.join(REPO_ROOT, 'src', 'test', 'resources', 'provider-schema',
      `${schema.provider.split('/')[1]}-${schema.version}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    console.error(`wrote ${out}: ${Object.keys(doc.resources).length} resources, `
      + `${Object.keys(doc.data_sources).length} data sources, ${text.length} bytes`);
  }
  console.error(`source ${asm.name}@${asm.version} integrity ${integrity}`);
  if (!opts.workdir) fs.rmSync(workdir, { recursive: true, force: true });
  else console.error(`package kept in ${workdir}`);
}

main();
