// Renders /api/v1/openapi.json as a readable page. Plain DOM, textContent only: nothing from
// the document or the server is ever parsed as HTML.
"use strict";

(function () {
  const SPEC_URL = "/api/v1/openapi.json";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Text with `code` spans, as the document's descriptions write them.
  function inline(text) {
    const span = document.createElement("span");
    String(text).split("`").forEach((part, i) => {
      if (part) span.append(i % 2 ? el("code", {}, part) : document.createTextNode(part));
    });
    return span;
  }

  function refName(ref) {
    return ref.split("/").pop();
  }

  // A reference to a named schema, directly or wrapped in allOf (as readOnly nesting is).
  function refOf(schema) {
    if (!schema) return null;
    if (schema.$ref) return schema.$ref;
    if (schema.allOf && schema.allOf.length === 1 && schema.allOf[0].$ref) return schema.allOf[0].$ref;
    return null;
  }

  function resolve(spec, schema) {
    const ref = refOf(schema);
    return ref ? spec.components.schemas[refName(ref)] : schema;
  }

  function typeLabel(schema) {
    if (!schema) return "";
    if (refOf(schema)) return refName(refOf(schema));
    if (schema.type === "array") return typeLabel(schema.items) + "[]";
    let label = schema.type || "any";
    if (schema.format) label += ` (${schema.format})`;
    if (schema.type === "object" && schema.additionalProperties && schema.additionalProperties.type) {
      label = `object of ${schema.additionalProperties.type}`;
    }
    if (schema.nullable) label += " | null";
    return label;
  }

  function constraints(schema) {
    const parts = [];
    if (schema.enum) parts.push("one of: " + schema.enum.join(", "));
    if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength.toLocaleString("en")} characters`);
    return parts.join("; ");
  }

  function fieldTable(spec, schema) {
    const resolved = resolve(spec, schema);
    if (!resolved || !resolved.properties) return el("p", {}, el("code", {}, typeLabel(schema)));
    const required = new Set(resolved.required || []);
    const rows = Object.entries(resolved.properties).map(([name, prop]) => {
      const type = typeLabel(prop);
      const ref = refOf(prop) || refOf(prop.items);
      const typeCell = ref ? el("a", { href: "#schema-" + refName(ref) }, type) : el("span", { class: "type" }, type);
      const notes = [prop.description, constraints(prop)].filter(Boolean).join(" — ");
      return el(
        "tr",
        {},
        el("td", {}, el("code", {}, name), required.has(name) ? el("span", { class: "req" }, " required") : null),
        el("td", {}, typeCell),
        el("td", {}, inline(notes)),
      );
    });
    return el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "type"), el("th", {}, "meaning"))), el("tbody", {}, ...rows));
  }

  function tryIt(path) {
    const area = el("textarea", { "aria-label": "Article text", id: "try-text" });
    area.value = "Officials said the talks had failed, according to a person familiar with the matter.";
    const out = el("pre", { id: "try-out", hidden: "" });
    const button = el("button", { type: "button", id: "try-send" }, "Send");
    button.addEventListener("click", async () => {
      out.hidden = false;
      out.textContent = "…";
      try {
        const res = await fetch(path, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text: area.value }),
        });
        out.textContent = `${res.status}\n` + JSON.stringify(await res.json(), null, 2);
      } catch (err) {
        out.textContent = "The request failed: " + err.message;
      }
    });
    return el("div", {}, el("h3", {}, "Try it"), area, button, out);
  }

  function operation(spec, path, method, op) {
    const id = "op-" + (op.operationId || method + path);
    const body = el("div", { class: "body" });
    if (op.description) body.append(el("p", {}, op.description));
    const content = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    if (content) {
      body.append(el("h3", {}, "Request body (application/json)"), fieldTable(spec, content.schema));
    }
    body.append(el("h3", {}, "Responses"));
    const rows = Object.entries(op.responses).map(([status, res]) => {
      const schema = res.content && res.content["application/json"] && res.content["application/json"].schema;
      const link = schema && schema.$ref ? el("a", { href: "#schema-" + refName(schema.$ref) }, refName(schema.$ref)) : null;
      const headers = res.headers ? " Headers: " + Object.keys(res.headers).join(", ") + "." : "";
      return el("tr", {}, el("td", { class: "status" }, status), el("td", {}, inline(res.description + headers)), el("td", {}, link));
    });
    body.append(el("table", {}, el("tbody", {}, ...rows)));
    if (method === "post" && op.operationId === "analyze") body.append(tryIt(path));
    return el(
      "section",
      { class: "op", id },
      el("h2", {}, el("span", { class: `method ${method}` }, method), el("code", {}, path), " — " + (op.summary || "")),
      body,
    );
  }

  function render(spec) {
    document.getElementById("title").textContent = spec.info.title;
    document.getElementById("version").textContent = `version ${spec.info.version} · OpenAPI ${spec.openapi}`;
    const intro = document.getElementById("intro");
    for (const para of (spec.info.description || "").split(/\n\s*\n/)) {
      if (para.trim()) intro.append(el("p", {}, inline(para.replace(/\s+/g, " ").trim())));
    }
    const ops = document.getElementById("operations");
    ops.replaceChildren();
    const toc = el("ul");
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        ops.append(operation(spec, path, method, op));
        toc.append(el("li", {}, el("a", { href: "#op-" + (op.operationId || method + path) }, `${method.toUpperCase()} ${path}`)));
      }
    }
    document.getElementById("toc").append(el("h2", {}, "Operations"), toc);
    const schemas = document.getElementById("schemas");
    schemas.append(el("h2", {}, "Schemas"));
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      schemas.append(el("h3", { id: "schema-" + name }, name));
      if (schema.description) schemas.append(el("p", {}, schema.description));
      schemas.append(fieldTable(spec, schema));
    }
    document.body.dataset.rendered = "true";
  }

  fetch(SPEC_URL)
    .then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    })
    .then(render)
    .catch((err) => {
      document.getElementById("operations").replaceChildren(el("p", { role: "alert" }, "Could not load the API description: " + err.message));
    });
})();
