import json
# Writes Sources/PsyregServer/OpenAPIDocument.swift: python3 scripts/openapi.py Sources/PsyregServer/OpenAPIDocument.swift
P = lambda name, desc, schema, required=False, where="query", **kw: dict(name=name, **{"in": where}, description=desc, required=required, schema=schema, **kw)
# An empty value counts as absent (HTML forms send empty fields), so optional parameters accept "".
name = {"type": "string", "maxLength": 100}
required_name = {"type": "string", "minLength": 1, "maxLength": 100}
activities = ["possession","supply","medical","research","supervised-use","religious"]
activity = {"type": "string", "enum": activities + [""]}
date = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]}
params = {
 "substance": P("substance", "A substance id, name or alias, in any case, with or without accents (mdma, Ecstasy).", required_name, True),
 "substanceOptional": P("substance", "A substance id, name or alias; default: every substance.", name),
 "jurisdiction": P("jurisdiction", "A jurisdiction id, name or alias (us-or, Oregon).", required_name, True),
 "jurisdictionOptional": P("jurisdiction", "A jurisdiction; its parent layers are included.", name),
 "activity": P("activity", "One activity; default: every activity.", activity),
 "activityPossession": P("activity", "The activity (default: possession).", activity),
 "on": P("on", "The day, YYYY-MM-DD (default: today, UTC).", date),
 "from": P("from", "The first date, YYYY-MM-DD.", date),
 "to": P("to", "The last date, YYYY-MM-DD.", date),
 "fact": P("fact", "A fact to check conditions against, NAME=VALUE: age=21 (0 to 150), indication=ptsd, prescriber=psychiatrist. Repeatable, at most 3.",
           {"type": "array", "maxItems": 3, "items": {"type": "string", "maxLength": 100,
             "pattern": "^(|age=0*([0-9]{1,2}|1[0-4][0-9]|150)|(indication|prescriber)=[\\s\\S]+)$"}}, style="form", explode=True),
 "format": P("format", "json or html (default: json, or html when Accept prefers text/html).", {"type": "string", "enum": ["json", "html", ""]}),
}
# Written once under components and referred to from every response.
headers = {"RuleSet": {"description": "SHA-256 of the rule set that answered (as on /v1/status).", "required": True,
                       "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}
rule_set_header = {"X-Psyreg-Rule-Set": {"$ref": "#/components/headers/RuleSet"}}
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def pref(n): return {"$ref": f"#/components/parameters/{n}"}
def ok_json(schema, desc="OK"):
    return {"description": desc, "headers": rule_set_header, "content": {"application/json": {"schema": schema}}}
problem = {"description": "A problem document (RFC 9457).", "headers": rule_set_header, "content": {"application/problem+json": {"schema": ref("Problem")}}}
responses = {
 "BadRequest": dict(problem, description="Malformed input: a problem document (RFC 9457)."),
 "NotFound": dict(problem, description="An unknown name: a problem document with the nearest known names in `suggestions`."),
 "NotModified": {"description": "Not modified (If-None-Match matched the ETag).", "headers": rule_set_header},
}
def rref(n): return {"$ref": f"#/components/responses/{n}"}
problem400, problem404, notmod = rref("BadRequest"), rref("NotFound"), rref("NotModified")
html = lambda d: {"description": d, "headers": rule_set_header, "content": {"text/html": {"schema": {"type": "string"}}}}
paths = {
 "/v1/ask": {"get": {"operationId": "ask", "summary": "Is SUBSTANCE allowed in JURISDICTION, for an activity, on a date?",
   "description": "`psyreg ask --format json`: one answer object with `activity`, or an array of every activity's answer without it.",
   "parameters": [pref("substance"), pref("jurisdiction"), pref("activity"), pref("on"), pref("fact")],
   "responses": {"200": ok_json({"anyOf": [ref("Answer"), {"type": "array", "items": ref("Answer")}]}), "304": notmod, "400": problem400, "404": problem404}}},
 "/v1/timeline": {"get": {"operationId": "timeline", "summary": "The dated history of the law, across a jurisdiction's layers (`psyreg timeline --format json`).",
   "parameters": [pref("substanceOptional"), pref("jurisdictionOptional"), pref("from"), pref("to")],
   "responses": {"200": ok_json({"type": "array", "items": ref("TimelineItem")}), "304": notmod, "400": problem400, "404": problem404}}},
 "/v1/substances": {"get": {"operationId": "substances", "summary": "Every substance (`psyreg list substances --format json`).",
   "responses": {"200": ok_json({"type": "array", "items": ref("Substance")}), "304": notmod}}},
 "/v1/jurisdictions": {"get": {"operationId": "jurisdictions", "summary": "Every jurisdiction with its layers (`psyreg list jurisdictions --format json`).",
   "responses": {"200": ok_json({"type": "array", "items": ref("Jurisdiction")}), "304": notmod}}},
 "/v1/coverage": {"get": {"operationId": "coverage", "summary": "Which pairs have data, and the share with a known verdict (`psyreg list coverage --format json`).",
   "parameters": [pref("on")],
   "responses": {"200": ok_json(ref("Coverage")), "304": notmod, "400": problem400}}},
 "/v1/reports/{jurisdiction}": {"get": {"operationId": "report", "summary": "A jurisdiction's report (`psyreg report J --format json|html`).",
   "parameters": [P("jurisdiction", "A jurisdiction id, name or alias.", {"type": "string", "minLength": 1, "maxLength": 100}, True, "path"),
                  pref("on"), pref("activityPossession"), pref("format")],
   "responses": {"200": {"description": "The report.", "headers": rule_set_header, "content": {"application/json": {"schema": ref("Report")}, "text/html": {"schema": {"type": "string"}}}},
                 "304": notmod, "400": problem400, "404": problem404}}},
 "/v1/matrix": {"get": {"operationId": "matrix", "summary": "Jurisdictions × substances for one activity (`psyreg report --matrix`).",
   "parameters": [pref("activityPossession"), pref("on"), pref("format")],
   "responses": {"200": {"description": "The matrix.", "headers": rule_set_header, "content": {"application/json": {"schema": ref("Matrix")}, "text/html": {"schema": {"type": "string"}}}},
                 "304": notmod, "400": problem400}}},
 "/v1/status": {"get": {"operationId": "status", "summary": "The rule set answered from, and whether newer rule files were refused.",
   "responses": {"200": ok_json(ref("Status"))}}},
 "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document.",
   "responses": {"200": ok_json({"type": "object", "required": ["openapi", "paths"]}), "304": notmod}}},
 "/metrics": {"get": {"operationId": "metrics", "summary": "Request counts, latencies and reloads, in Prometheus's text format.",
   "responses": {"200": {"description": "Metrics.", "headers": rule_set_header, "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
 "/": {"get": {"operationId": "searchPage", "summary": "The search page, for people.",
   "responses": {"200": html("The search page."), "304": notmod}}},
 "/answer": {"get": {"operationId": "answerPage", "summary": "The answer page, for people: the verdict in words, each layer, conditions, sources and the conflict.",
   "parameters": [dict(pref("substance")), dict(pref("jurisdiction")), pref("activity"), pref("on"), pref("fact")],
   "responses": {"200": html("The answer (or the form again when the substance or the place is missing)."), "304": notmod, "400": html("Malformed input, said on a page."), "404": html("An unknown name, with the nearest known names as links.")}}},
 "/map": {"get": {"operationId": "mapPage", "summary": "Where is SUBSTANCE allowed for ACTIVITY: a tile-grid map, one square per US state and country.",
   "parameters": [pref("substanceOptional"), P("activity", "The activity (default: medical).", activity), pref("on"),
                  P("view", "Colour by the answer (every layer; default) or the place's own law.", {"type": "string", "enum": ["answer", "own", ""]})],
   "responses": {"200": html("The map."), "304": notmod, "400": html("Malformed input, said on a page."), "404": html("An unknown substance.")}}},
}
# /answer takes substance and jurisdiction as optional (the page shows the form without them)
paths["/answer"]["get"]["parameters"][0] = pref("substanceOptional")
paths["/answer"]["get"]["parameters"][1] = pref("jurisdictionOptional")
nullable_str = {"type": ["string", "null"]}
layer = {"type": "object", "required": ["jurisdiction", "name", "kind", "binding", "verdict", "conditions", "unmet", "status", "since", "origin", "sources", "confidence", "rule"],
  "properties": {"jurisdiction": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}, "binding": {"type": "boolean"},
    "verdict": ref("Verdict"), "conditions": {"type": "array", "items": {"type": "string"}}, "unmet": {"type": "array", "items": {"type": "string"}},
    "status": nullable_str, "since": nullable_str, "origin": {"type": "string", "enum": ["own", "schedule", "adopted", "inherited", "initial", "none"]},
    "sources": {"type": "array", "items": {"type": "string"}}, "confidence": {"type": ["string", "null"]},
    "rule": {"type": ["object", "null"], "properties": {"file": {"type": "string"}, "line": {"type": ["integer", "null"]}}}}}
schemas = {
 "Verdict": {"type": "string", "enum": ["allowed", "conditional", "decriminalized", "prohibited", "unknown"]},
 "Problem": {"type": "object", "required": ["type", "title", "status", "detail"],
   "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer", "minimum": 400, "maximum": 599},
     "detail": {"type": "string"}, "instance": {"type": "string"}, "parameter": {"type": "string"},
     "suggestions": {"type": "array", "items": {"type": "string"}}, "candidates": {"type": "array", "items": {"type": "string"}},
     "allowed": {"type": "array", "items": {"type": "string"}}, "endpoints": {"type": "array", "items": {"type": "string"}}}},
 "Layer": layer,
 "Answer": {"type": "object", "required": ["substance", "jurisdiction", "activity", "date", "verdict", "conflict", "uncertain", "conditions", "facts", "layers", "beside"],
   "properties": {"substance": {"type": "string"}, "jurisdiction": {"type": "string"}, "activity": {"type": "string", "enum": activities}, "date": {"type": "string", "format": "date"},
     "verdict": ref("Verdict"), "conflict": {"type": "boolean"}, "uncertain": {"type": "boolean"},
     "conditions": {"type": "array", "items": {"type": "string"}}, "facts": {"type": "object"},
     "layers": {"type": "array", "items": ref("Layer")}, "beside": {"type": "array", "items": ref("Layer")}}},
 "TimelineItem": {"type": "object", "required": ["date", "jurisdiction", "substances", "kind", "title", "changes", "instrument", "sources", "confidence", "rule"],
   "properties": {"date": {"type": "string"}, "jurisdiction": {"type": "string"}, "substances": {"type": "array", "items": {"type": "string"}},
     "kind": {"type": "string"}, "title": {"type": "string"}, "changes": {"type": "array", "items": {"type": "object"}},
     "instrument": {"type": "string"}, "sources": {"type": "array", "items": {"type": "string"}}, "confidence": {"type": "string"}, "rule": {"type": "object"}}},
 "Substance": {"type": "object", "required": ["id", "name", "kind", "aliases"],
   "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}, "aliases": {"type": "array", "items": {"type": "string"}}}},
 "Jurisdiction": {"type": "object", "required": ["id", "name", "kind", "parent", "aliases", "layers"],
   "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}, "parent": nullable_str,
     "aliases": {"type": "array", "items": {"type": "string"}}, "layers": {"type": "array", "items": {"type": "string"}}}},
 "Coverage": {"type": "object", "required": ["summary", "substances", "rows", "pairs", "own_data"],
   "properties": {"summary": {"type": "object"}, "substances": {"type": "array", "items": {"type": "string"}}, "rows": {"type": "array", "items": {"type": "object"}},
     "pairs": {"type": "integer"}, "own_data": {"type": "integer"}}},
 "Report": {"type": "object", "description": "The report of `psyreg report --format json` (docs/reports.md)."},
 "Matrix": {"type": "object", "description": "The matrix of `psyreg report --matrix --format json` (docs/reports.md)."},
 "Status": {"type": "object", "required": ["ok", "rule_set", "reloads", "rejected", "problem"],
   "properties": {"ok": {"type": "boolean"}, "rule_set": {"type": "object", "required": ["sha256", "files", "generation", "loaded_at"],
       "properties": {"sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "files": {"type": "integer"}, "generation": {"type": "integer"}, "loaded_at": {"type": "string"}}},
     "reloads": {"type": "integer"}, "rejected": {"type": "integer"},
     "problem": {"type": ["object", "null"], "properties": {"message": {"type": "string"}, "at": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}}}}},
}
doc = {"openapi": "3.1.0",
 "info": {"title": "psyreg", "version": "1.0.0",
   "description": "Is this psychedelic medicine allowed here, for this purpose, on this date — and says who? The JSON bodies are those of the command line's `--format json`. Every response carries the rule set's SHA-256 in X-Psyreg-Rule-Set; malformed input is a 400 and an unknown name a 404 with suggestions, both problem documents (RFC 9457). Not legal advice."},
 "servers": [{"url": "/"}],
 "paths": paths, "components": {"parameters": params, "headers": headers, "responses": responses, "schemas": schemas}}
text = json.dumps(doc, indent=2, ensure_ascii=False)

def paths_lines():
    """The paths as swift-format lays them out: lines of at most 120 columns, a comma after each."""
    lines, line = [], "   "
    for item in (json.dumps(p) + "," for p in paths):
        if len(line) + 1 + len(item) > 120:
            lines.append(line)
            line = "   "
        line += " " + item
    lines.append(line)
    return "\n".join(lines)
assert '"""' not in text and "\\(" not in text
swift = '''// Generated by scripts/openapi.py from its tables; edit there and run it again.
// OpenAPIDocumentTests checks that it lists exactly the paths the server answers.

/// The OpenAPI 3.1 document served at `/openapi.json`.
enum OpenAPIDocument {
  /// The paths it documents, in order.
  static let paths: [String] = [
%s
  ]

  /// The document.
  static let json = #"""
%s
    """#
}
''' % (paths_lines(), "\n".join("    " + line for line in text.split("\n")))
import sys
open(sys.argv[1], "w").write(swift)
