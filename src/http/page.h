// Server-rendered pages: ctemplate templates under web/templates, auto-escaped by context
// (every template starts with {{%AUTOESCAPE context="HTML"}}), inside one layout.
#pragma once
#include <ctemplate/template.h>

#include <initializer_list>
#include <map>
#include <vector>
#include <memory>
#include <string>

#include "base/errors.h"
#include "http/route.h"

namespace jalon::http {

// Points the template loader at `web_dir`/templates. Called once at start-up.
void set_template_root(const std::string& web_dir);

class Page {
 public:
  // `tpl` is a path under web/templates without ".tpl" ("accounts/login").
  Page(Ctx& ctx, const std::string& tpl, const std::string& title);
  ctemplate::TemplateDictionary& body() { return *body_; }

  // Form controls, rendered where the body template says {{>NAME_FIELD}} (name "email" ->
  // {{>EMAIL_FIELD}}), each with its label, hint and, after errors(), its message tied to it.
  struct FieldOptions {
    std::string hint;
    std::string autocomplete;
    bool required = true;
    bool say_optional = true;  // "(facultatif)" after the label of a field that is not required
  };
  void field(const std::string& name, const std::string& label, const std::string& type, const std::string& value,
             const FieldOptions& opts);
  void field(const std::string& name, const std::string& label, const std::string& type, const std::string& value) {
    field(name, label, type, value, FieldOptions{});
  }
  struct Option {
    std::string value, label, group;  // options sharing a group are shown in one <optgroup>
  };
  void select(const std::string& name, const std::string& label, const std::vector<Option>& options,
              const std::string& selected, const std::string& hint = "", bool required = true);
  void checkbox(const std::string& name, const std::string& label, bool checked, const std::string& hint = "");
  // A multi-line text input.
  void textarea(const std::string& name, const std::string& label, const std::string& value, const FieldOptions& opts);
  // A group of checkboxes sharing one name (the form sends one value per checked box), in a
  // fieldset whose legend is `label`. Options sharing a group are shown in a collapsible
  // sub-group, open when one of its boxes is checked.
  void checkboxes(const std::string& name, const std::string& label, const std::vector<Option>& options,
                  const std::vector<std::string>& checked, const std::string& hint = "");
  // Places the next control inside `section` (a section dictionary of the body), where its
  // template says {{>FIELD}}, instead of at {{>NAME_FIELD}}: for lists of controls that come
  // from data ({{#ROW}}{{>FIELD}}{{/ROW}}).
  void next_in(ctemplate::TemplateDictionary* section) { next_section_ = section; }
  // Shows the error summary at the top and each message beside its field: field "email"
  // shows section {{#EMAIL_ERROR}} with {{MESSAGE}}; the summary links to the element id "email".
  void errors(const ValidationError& e);
  void flash(const std::string& message);
  Response render(int status = 200);

 private:
  Ctx& ctx_;
  std::string title_;
  std::unique_ptr<ctemplate::TemplateDictionary> dict_;
  ctemplate::TemplateDictionary* body_;
  int error_count_ = 0;
  ctemplate::TemplateDictionary* next_section_ = nullptr;
  struct Control {
    ctemplate::TemplateDictionary* dict;
    ctemplate::TemplateDictionary* described;  // the aria-describedby section, once shown
    std::string hint_id;
    bool has_error = false;
  };
  std::map<std::string, Control> controls_;
  ctemplate::TemplateDictionary* control(const std::string& name, const std::string& tpl, const std::string& label,
                                         const std::string& hint);
};

// A page outside any route (404, 500, refused access): the layout around errors/error.tpl.
Response error_page(int status, const std::string& title, const std::string& message, const Principal& who,
                    const std::string& csrf);

// Renders a template on its own (e-mails, fragments).
std::string render_template(const std::string& tpl, const ctemplate::TemplateDictionary& dict);

// A redirect that shows `message` on the next page.
Response redirect_with_flash(const std::string& location, const std::string& message);

std::string upper(const std::string& field);

}  // namespace jalon::http
