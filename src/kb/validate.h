// Checking a knowledge-base document: against data/schema/kb.schema.json (embedded)
// and for referential integrity. Every problem is reported, with its file and JSON
// pointer, not just the first.
#pragma once

#include <string_view>
#include <vector>

#include "kb/document.h"

namespace crampx::kb {

// The JSON Schema the loader enforces (data/schema/kb.schema.json, embedded at build time).
std::string_view schema_text();

std::vector<Problem> check_schema(const Document& doc);
std::vector<Problem> check_integrity(const Document& doc);

// Both checks; empty when the document is a valid knowledge base.
std::vector<Problem> validate(const Document& doc);

}  // namespace crampx::kb
