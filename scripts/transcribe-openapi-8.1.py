"""Transcribes src/api/openapi-8.1.yaml from Waldur's generated client waldur-api-client==8.1.3.

The 8.1.3 OpenAPI document itself is not published beside the client, so the subset the app
uses is rebuilt from the client's modules: `api/**` gives method, URL, query parameters,
request body and documented status codes; `models/**` gives schemas (attrs fields: `Unset` =
not required, `None` = nullable), enums and descriptions. Large schemas keep only the fields
listed in SUBSET.

    pip download --no-deps -d /tmp/wac waldur-api-client==8.1.3
    unzip -q /tmp/wac/waldur_api_client-8.1.3-py3-none-any.whl -d /tmp/wac/x
    python3 -m venv /tmp/wac/venv && /tmp/wac/venv/bin/pip install attrs python-dateutil httpx pyyaml
    /tmp/wac/venv/bin/python scripts/transcribe-openapi-8.1.py /tmp/wac/x > src/api/openapi-8.1.yaml
    npm run gen:api && npx prettier --write src/api/openapi-8.1.yaml
"""

import datetime
import enum
import importlib
import inspect
import re
import sys
import typing
import uuid

import yaml

sys.path.insert(0, sys.argv[1])
import waldur_api_client.models as models  # noqa: E402
from waldur_api_client.types import Unset  # noqa: E402

OPERATIONS = [
    "version.version_retrieve",
    "users.users_list",
    "marketplace_offering_roles.marketplace_offering_roles_list",
    "marketplace_offering_roles.marketplace_offering_roles_create",
    "marketplace_offering_roles.marketplace_offering_roles_retrieve",
    "marketplace_offering_roles.marketplace_offering_roles_update",
    "marketplace_offering_roles.marketplace_offering_roles_partial_update",
    "marketplace_offering_roles.marketplace_offering_roles_destroy",
    "marketplace_provider_offerings.marketplace_provider_offerings_list",
    "marketplace_provider_offerings.marketplace_provider_offerings_retrieve",
    "marketplace_provider_resources.marketplace_provider_resources_list",
    "marketplace_provider_resources.marketplace_provider_resources_retrieve",
    "marketplace_provider_resources.marketplace_provider_resources_list_users_list",
    "marketplace_provider_resources.marketplace_provider_resources_add_user",
    "marketplace_provider_resources.marketplace_provider_resources_update_user",
    "marketplace_provider_resources.marketplace_provider_resources_delete_user",
    "marketplace_provider_resources.marketplace_provider_resources_set_membership_sync_statuses",
    "marketplace_provider_resources.marketplace_provider_resources_sync_user_roles",
    "marketplace_provider_resources.marketplace_provider_resources_refresh_last_sync",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_list",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_retrieve",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_list_users_list",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_add_user",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_update_user",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_delete_user",
    "marketplace_resources.marketplace_resources_team_members_list",
    "marketplace_resources.marketplace_resources_list_users_list",
    "marketplace_resources.marketplace_resources_add_user",
    "marketplace_resources.marketplace_resources_update_user",
    "marketplace_resources.marketplace_resources_delete_user",
    "marketplace_resource_projects.marketplace_resource_projects_list",
    "marketplace_resource_projects.marketplace_resource_projects_retrieve",
    "marketplace_resource_projects.marketplace_resource_projects_list_users_list",
    "marketplace_resource_projects.marketplace_resource_projects_add_user",
    "marketplace_resource_projects.marketplace_resource_projects_update_user",
    "marketplace_resource_projects.marketplace_resource_projects_delete_user",
]

# Operations whose HEAD variant (`*_count` in the client) returns the count only.
HEAD_COUNT = {
    "users.users_list",
    "marketplace_offering_roles.marketplace_offering_roles_list",
    "marketplace_provider_offerings.marketplace_provider_offerings_list",
    "marketplace_provider_resources.marketplace_provider_resources_list",
    "marketplace_provider_resources.marketplace_provider_resources_list_users_list",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_list",
    "marketplace_provider_resource_projects.marketplace_provider_resource_projects_list_users_list",
    "marketplace_resources.marketplace_resources_list_users_list",
    "marketplace_resource_projects.marketplace_resource_projects_list",
    "marketplace_resource_projects.marketplace_resource_projects_list_users_list",
}

# Large schemas: only these fields (in the client's order).
SUBSET = {
    "ProviderOfferingDetails": """url uuid created name slug description customer customer_uuid customer_name
        plugin_options state type backend_id profile_uuid profile_name""",
    "MergedPluginOptions": """enable_resource_projects enable_membership_sync_status
        create_orders_on_resource_project_change resource_role_map resource_project_role_map""",
    "Resource": """offering offering_name offering_uuid offering_type offering_plugin_options provider_name
        provider_uuid provider_slug uuid created modified url state backend_id project project_uuid
        project_name customer_uuid customer_name offering_slug name slug restrict_member_access
        last_sync project_slug customer_slug""",
    "User": """url uuid username full_name email is_active is_staff is_support first_name last_name image""",
}

# The only query parameters kept for big list endpoints (the rest filter what this app never asks).
PARAM_SUBSET = {
    "marketplace_provider_offerings_list": "customer_uuid field name name_exact o page page_size state type uuid_list",
    "marketplace_provider_resources_list": "customer_uuid field name name_exact o offering_uuid page page_size project_uuid query state",
    "users_list": "email field full_name is_active o page page_size query username user_keyword",
    "marketplace_resources_team_members_list": "field page page_size",
}

NOTES = {
    "marketplace_resources_team_members_list": (
        "sim: schema gap. Waldur also filters these rows by `search_string` or `user_keyword`"
        " (icontains on first name, last name, email, username; views.py at d0aee6b6 and 02337f2f);"
        " the 8.1.3 schema lists the resource filterset instead, which filters nothing here."
    ),
}

# Added to the transcription where the client omits a parameter Waldur's view reads.
EXTRA_PARAMS = {
    "marketplace_resources_team_members_list": [
        {"in": "query", "name": "search_string", "schema": {"type": "string"}, "description": "sim: schema gap, see description."},
        {"in": "query", "name": "user_keyword", "schema": {"type": "string"}, "description": "sim: schema gap, see description."},
    ],
}

# Where the client's schema contradicts what Waldur sends (each marked "sim:" in the output).
NULLABLE = {
    ("UserRoleDetails", "user_image"): "sim: null when the user has no image (DRF ImageField), though the schema says string.",
    ("ProviderUserRoleDetails", "user_image"): "sim: null when the user has no image (DRF ImageField), though the schema says string.",
}

schemas: dict = {}
pending: list = []


def ref(name):
    if name not in schemas and name not in pending:
        pending.append(name)
    return {"$ref": f"#/components/schemas/{name}"}


def split_union(tp):
    args = typing.get_args(tp) if typing.get_origin(tp) is typing.Union else (tp,)
    nullable = type(None) in args
    required = Unset not in args
    rest = [a for a in args if a is not type(None) and a is not Unset]
    return rest, nullable, required


def schema_for(tp):
    rest, nullable, _ = split_union(tp)
    if len(rest) == 1:
        s = plain(rest[0])
    else:
        s = {"oneOf": [plain(a) for a in rest]}
    if nullable:
        s = {"allOf": [s], "nullable": True} if "$ref" in s else {**s, "nullable": True}
    return s


def plain(tp):
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": schema_for(item)}
    if origin is dict:
        return {"type": "object", "additionalProperties": {}}
    if isinstance(tp, typing.ForwardRef):
        tp = getattr(models, tp.__forward_arg__)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number", "format": "double"}
    if tp is uuid.UUID:
        return {"type": "string", "format": "uuid"}
    if tp is datetime.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if tp is typing.Any:
        return {}
    if inspect.isclass(tp):
        return ref(tp.__name__)
    raise ValueError(f"unknown type {tp!r}")


def json_keys(cls):
    """Python attribute -> JSON key, read from to_dict (`type_` is sent as `type`)."""
    src = inspect.getsource(cls.to_dict)
    mapping = {}
    for key, attr in re.findall(r'"(\w+)": (\w+),', src):
        mapping[attr] = key
    for key, attr in re.findall(r'field_dict\["(\w+)"\] = (\w+)', src):
        mapping[attr] = key
    return mapping


def descriptions(cls):
    doc = inspect.getdoc(cls) or ""
    out = {}
    current = None
    for line in doc.splitlines():
        m = re.match(r"^    (\w+) \([^)]*(?:\)[^)]*)?\):\s?(.*)$", line)
        if m:
            current = m.group(1)
            out[current] = m.group(2).strip()
        elif current and line.startswith("        "):
            out[current] = (out[current] + " " + line.strip()).strip()
    return {k: v for k, v in out.items() if v}


def build_schema(name):
    cls = getattr(models, name)
    if issubclass(cls, enum.Enum):
        values = [m.value for m in cls]
        kind = "integer" if all(isinstance(v, int) for v in values) else "string"
        return {"type": kind, "enum": values}
    hints = typing.get_type_hints(cls, vars(models))
    keys = json_keys(cls)
    docs = descriptions(cls)
    wanted = SUBSET.get(name, "").split()
    props = {}
    required = []
    for attr, tp in hints.items():
        if attr == "additional_properties":
            continue
        key = keys.get(attr, attr)
        if wanted and key not in wanted:
            continue
        s = schema_for(tp)
        if attr in docs:
            s = {"allOf": [s], "description": docs[attr]} if "$ref" in s else {**s, "description": docs[attr]}
        if (name, key) in NULLABLE:
            s = {**s, "nullable": True, "description": NULLABLE[(name, key)]}
        props[key] = s
        if split_union(tp)[2]:
            required.append(key)
    s = {"type": "object", "properties": props}
    if required:
        s["required"] = required
    # Dict-like models (`ResourceOfferingPluginOptions`): free-form objects.
    if not props:
        s["additionalProperties"] = {}
    if wanted:
        s["description"] = f"sim: subset of the client's {name} (the fields this app reads)."
    doc = re.sub(r"\s+", " ", (inspect.getdoc(cls) or "").split("Attributes:")[0]).strip()
    if doc and "description" not in s:
        s["description"] = doc
    return s


def params_of(mod, op_id):
    sig = inspect.signature(mod._get_kwargs)
    hints = typing.get_type_hints(mod._get_kwargs, {**vars(mod), **vars(models)})
    keep = PARAM_SUBSET.get(op_id)
    out = []
    for pname, p in sig.parameters.items():
        if pname == "body":
            continue
        tp = hints[pname]
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            out.append({"in": "path", "name": pname, "schema": schema_for(tp), "required": True})
            continue
        if keep and pname not in keep.split():
            continue
        out.append({"in": "query", "name": pname, "schema": schema_for(tp)})
    return out + EXTRA_PARAMS.get(op_id, [])


def responses_of(mod, head):
    src = inspect.getsource(mod._parse_response)
    out = {}
    for status, body in re.findall(r"if response.status_code == (\d+):\n((?:        .*\n|\n)*)", src):
        if status == "404" and "raise" in body and "UnexpectedStatus" in body:
            continue
        m = re.search(r"(\w+)\.from_dict\(", body)
        entry = {"description": ""}
        if m:
            schema = ref(m.group(1))
            if "_item_data in _response_" in body:
                schema = {"type": "array", "items": schema}
            entry["content"] = {"application/json": {"schema": schema}}
            if schema.get("type") == "array":
                entry["headers"] = {
                    "x-result-count": {"$ref": "#/components/headers/XResultCount"},
                    "link": {"$ref": "#/components/headers/Link"},
                }
        else:
            entry = {"description": "No response body"}
        out[status] = entry
    if not out:
        out["200"] = {"description": "No response body"}
    return out


def body_of(mod):
    sig = inspect.signature(mod._get_kwargs)
    if "body" not in sig.parameters:
        return None
    hints = typing.get_type_hints(mod._get_kwargs, {**vars(mod), **vars(models)})
    rest, _, required = split_union(hints["body"])
    return {"content": {"application/json": {"schema": plain(rest[0])}}, "required": required}


class _Body:
    def to_dict(self):
        return {}


def operation(dotted):
    pkg, name = dotted.split(".")
    mod = importlib.import_module(f"waldur_api_client.api.{pkg}.{name}")
    sig = inspect.signature(mod._get_kwargs)
    dummy = {n: "{" + n + "}" for n, p in sig.parameters.items() if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD}
    kw = mod._get_kwargs(**dummy, **({"body": _Body()} if "body" in sig.parameters else {}))
    doc = inspect.getdoc(mod.sync_detailed) or ""
    parts = doc.split("\n\n")
    summary = parts[0].strip()
    description = " ".join(p for p in parts[1:] if not p.startswith(("Args:", "Raises:", "Returns:"))).strip()
    description = re.sub(r"\s+", " ", description)
    op_id = name
    op = {"operationId": op_id}
    if description:
        op["description"] = description
    if op_id in NOTES:
        op["description"] = (op.get("description", "") + " " + NOTES[op_id]).strip()
    if summary:
        op["summary"] = summary
    params = params_of(mod, op_id)
    if params:
        op["parameters"] = params
    op["tags"] = [pkg.replace("_", "-")]
    body = body_of(mod)
    if body:
        op["requestBody"] = body
    op["security"] = [{"tokenAuth": []}, {"waldurOIDCAuth": []}]
    op["responses"] = responses_of(mod, dotted in HEAD_COUNT)
    path = kw["url"].replace("{uuid}", "{uuid}")
    return path, kw["method"], op, mod


paths: dict = {}
for dotted in OPERATIONS:
    path, method, op, mod = operation(dotted)
    paths.setdefault(path, {})[method] = op
    if dotted in HEAD_COUNT:
        head = {
            "operationId": op["operationId"].removesuffix("_list") + "_count",
            "summary": "Count (HEAD): the total in X-Result-Count, no body",
            "parameters": op.get("parameters", []),
            "tags": op["tags"],
            "security": op["security"],
            "responses": {"200": {"description": "No response body", "headers": {"x-result-count": {"$ref": "#/components/headers/XResultCount"}}}},
        }
        paths[path]["head"] = head

while pending:
    name = pending.pop(0)
    schemas[name] = build_schema(name)

doc = {
    "openapi": "3.0.3",
    "info": {
        "title": "Waldur API 8.1.3 (subset used by the access admin UI)",
        "version": "8.1.3",
        "description": (
            "Transcribed from Waldur's generated client waldur-api-client==8.1.3 (PyPI) by"
            " scripts/transcribe-openapi-8.1.py: only the paths and schemas this UI touches."
            " Descriptions starting with 'sim:' are this project's notes."
        ),
    },
    "paths": dict(sorted(paths.items())),
    "components": {
        "schemas": dict(sorted(schemas.items())),
        "parameters": {},
        "headers": {
            "XResultCount": {"description": "Total number of results available", "schema": {"type": "integer"}},
            "Link": {"description": "RFC 8288 links to first, prev, next and last pages", "schema": {"type": "string"}},
        },
        "securitySchemes": {
            "tokenAuth": {"type": "apiKey", "in": "header", "name": "Authorization", "description": ""},
            "waldurOIDCAuth": {"type": "http", "scheme": "bearer", "description": ""},
        },
    },
}
del doc["components"]["parameters"]


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


print("# Generated by scripts/transcribe-openapi-8.1.py from waldur-api-client==8.1.3; do not edit by hand.")
print(yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100), end="")
