// The few error kinds that rooms throw. The http layer turns each into a French error page or
// an application/problem+json answer, in one place; nothing else catches and hides them.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace jalon {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// One message tied to one input field (the field's name in forms and JSON bodies).
struct FieldError {
  std::string field;
  std::string message;
};

// Input that does not satisfy the rules: HTTP 422 with one French message per field.
class ValidationError : public Error {
 public:
  explicit ValidationError(std::vector<FieldError> fields, const std::string& summary = "Certaines informations sont invalides.")
      : Error(summary), fields_(std::move(fields)) {}
  ValidationError(const std::string& field, const std::string& message)
      : Error(message), fields_{{field, message}} {}
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  std::vector<FieldError> fields_;
};

// Collects field errors and throws them together, so a form shows every problem at once.
class Validator {
 public:
  void add(const std::string& field, const std::string& message) { errors_.push_back({field, message}); }
  bool ok() const { return errors_.empty(); }
  bool has(const std::string& field) const {
    for (const auto& e : errors_)
      if (e.field == field) return true;
    return false;
  }
  void throw_if_any() const {
    if (!errors_.empty()) throw ValidationError(errors_);
  }

 private:
  std::vector<FieldError> errors_;
};

// Malformed request (unparsable JSON, wrong content type): HTTP 400.
class BadRequest : public Error { using Error::Error; };
// Not logged in, expired session, unknown API token: HTTP 401.
class Unauthorized : public Error { using Error::Error; };
// Logged in but not allowed: HTTP 403.
class Forbidden : public Error { using Error::Error; };
// Unknown id, or an id the caller may not know exists: HTTP 404.
class NotFound : public Error { using Error::Error; };
// A one-time link that expired or was already used: HTTP 410.
class Gone : public Error { using Error::Error; };
// The action contradicts the current state (duplicate, already used link): HTTP 409.
class Conflict : public Error { using Error::Error; };
// Too many attempts (login throttling): HTTP 429.
class TooManyRequests : public Error { using Error::Error; };
// Body or header over the configured limits: HTTP 413.
class PayloadTooLarge : public Error { using Error::Error; };

}  // namespace jalon
