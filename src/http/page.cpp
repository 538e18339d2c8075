#include "http/page.h"

#include <algorithm>
#include <stdexcept>

#include "base/text.h"

namespace jalon::http {

void set_template_root(const std::string& web_dir) {
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(web_dir + "/templates");
}

std::string upper(const std::string& field) {
  std::string out = field;
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    else if (c == '-') c = '_';
  }
  return out;
}

namespace {
// The parts of the layout that depend on who is looking.
void fill_layout(ctemplate::TemplateDictionary& dict, ctemplate::TemplateDictionary& body, const Principal& who,
                 const std::string& csrf) {
  dict.SetTemplateGlobalValue("CSRF", csrf);
  if (who.kind == Principal::Kind::user) {
    dict.ShowSection("LOGGED_IN");
    dict.SetValue("USER_NAME", who.display_name);
    body.SetValue("USER_NAME", who.display_name);
    if (who.platform_admin) {
      dict.ShowSection("PLATFORM_ADMIN");
      body.ShowSection("PLATFORM_ADMIN");
    }
    // The navigation names the organisation of someone who has one; several are on the dashboard.
    if (who.memberships.size() == 1) {
      auto* o = dict.AddSectionDictionary("NAV_ORG");
      o->SetIntValue("ORG_ID", who.memberships[0].organisation_id);
      o->SetValue("ORG_NAME", who.memberships[0].organisation_name);
    }
  } else {
    dict.ShowSection("ANONYMOUS");
  }
}

Response expand_layout(ctemplate::TemplateDictionary& dict, int status) {
  Response r;
  r.status = status;
  if (!ctemplate::ExpandTemplate("layout/page.tpl", ctemplate::DO_NOT_STRIP, &dict, &r.body))
    throw std::runtime_error("template could not be expanded: layout/page.tpl");
  return r;
}
}  // namespace

Page::Page(Ctx& ctx, const std::string& tpl, const std::string& title)
    : ctx_(ctx), title_(title), dict_(std::make_unique<ctemplate::TemplateDictionary>("page")) {
  body_ = dict_->AddIncludeDictionary("BODY");
  body_->SetFilename(tpl + ".tpl");
  fill_layout(*dict_, *body_, ctx.who, ctx.csrf);
  if (!ctx.flash.empty()) flash(ctx.flash);
}

Response error_page(int status, const std::string& title, const std::string& message, const Principal& who,
                    const std::string& csrf) {
  ctemplate::TemplateDictionary dict("error");
  auto* body = dict.AddIncludeDictionary("BODY");
  body->SetFilename("errors/error.tpl");
  fill_layout(dict, *body, who, csrf);
  dict.SetValue("TITLE", title);
  dict.SetValue("HEADING", title);
  body->SetValue("MESSAGE", message);
  body->SetIntValue("STATUS", status);
  return expand_layout(dict, status);
}

ctemplate::TemplateDictionary* Page::control(const std::string& name, const std::string& tpl, const std::string& label,
                                             const std::string& hint) {
  auto* d = next_section_ ? next_section_->AddIncludeDictionary("FIELD") : body_->AddIncludeDictionary(upper(name) + "_FIELD");
  next_section_ = nullptr;
  d->SetFilename("layout/" + tpl + ".tpl");
  d->SetValue("ID", name);
  d->SetValue("LABEL", label);
  Control c{d, nullptr, "", false};
  if (!hint.empty()) {
    d->AddSectionDictionary("HINT")->SetValue("TEXT", hint);
    c.hint_id = name + "-aide";
    c.described = d->AddSectionDictionary("DESCRIBED");
    c.described->SetValue("IDS", c.hint_id);
  }
  controls_[name] = c;
  return d;
}

void Page::field(const std::string& name, const std::string& label, const std::string& type, const std::string& value,
                 const FieldOptions& opts) {
  auto* d = control(name, "field", label, opts.hint);
  d->SetValue("TYPE", type);
  d->SetValue("VALUE", type == "password" ? "" : value);
  if (!opts.autocomplete.empty()) d->AddSectionDictionary("AUTOCOMPLETE")->SetValue("VALUE", opts.autocomplete);
  if (opts.required) d->ShowSection("REQUIRED");
  else if (opts.say_optional) d->ShowSection("OPTIONAL");
}

void Page::select(const std::string& name, const std::string& label, const std::vector<Option>& options,
                  const std::string& selected, const std::string& hint, bool required) {
  auto* d = control(name, "select", label, hint);
  d->ShowSection(required ? "REQUIRED" : "OPTIONAL");
  std::string current_group;
  ctemplate::TemplateDictionary* group = nullptr;
  for (const auto& o : options) {
    ctemplate::TemplateDictionary* parent = d;
    if (!o.group.empty()) {
      if (!group || o.group != current_group) {
        group = d->AddSectionDictionary("GROUP");
        group->SetValue("GROUP_LABEL", o.group);
        current_group = o.group;
      }
      parent = group;
    }
    auto* od = parent->AddSectionDictionary("OPTION");
    od->SetValue("VALUE", o.value);
    od->SetValue("LABEL", o.label);
    if (o.value == selected) od->ShowSection("SELECTED");
  }
}

void Page::checkbox(const std::string& name, const std::string& label, bool checked, const std::string& hint) {
  auto* d = control(name, "checkbox", label, hint);
  if (checked) d->ShowSection("CHECKED");
}

void Page::textarea(const std::string& name, const std::string& label, const std::string& value, const FieldOptions& opts) {
  auto* d = control(name, "textarea", label, opts.hint);
  d->SetValue("VALUE", value);
  if (opts.required) d->ShowSection("REQUIRED");
  else if (opts.say_optional) d->ShowSection("OPTIONAL");
}

void Page::checkboxes(const std::string& name, const std::string& label, const std::vector<Option>& options,
                      const std::vector<std::string>& checked, const std::string& hint) {
  auto* d = control(name, "checkboxes", label, hint);
  auto is_checked = [&](const std::string& v) { return std::find(checked.begin(), checked.end(), v) != checked.end(); };
  std::string current_group;
  ctemplate::TemplateDictionary* group = nullptr;
  int n = 0, in_group = 0;
  for (const auto& o : options) {
    ctemplate::TemplateDictionary* parent = d;
    if (!o.group.empty()) {
      if (!group || o.group != current_group) {
        group = d->AddSectionDictionary("GROUP");
        group->SetValue("GROUP_LABEL", o.group);
        current_group = o.group;
        in_group = 0;
      }
      parent = group;
    }
    auto* od = parent->AddSectionDictionary("OPTION");
    od->SetValue("VALUE", o.value);
    od->SetValue("LABEL", o.label);
    od->SetIntValue("N", ++n);
    if (is_checked(o.value)) {
      od->ShowSection("CHECKED");
      if (group && parent == group) {
        group->ShowSection("OPEN");
        group->SetIntValue("CHECKED_COUNT", ++in_group);
        if (in_group == 1) group->ShowSection("HAS_CHECKED");
      }
    }
  }
}

void Page::errors(const ValidationError& e) {
  auto* summary = dict_->AddSectionDictionary("ERROR_SUMMARY");
  for (const auto& fe : e.fields()) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    auto it = controls_.find(fe.field);
    // A message whose field is on this page links to it; others are plain text.
    auto* shown = item->AddSectionDictionary(it != controls_.end() ? "LINKED" : "PLAIN");
    shown->SetValue("FIELD", fe.field);
    shown->SetValue("MESSAGE", fe.message);
    if (it != controls_.end() && it->second.has_error) {
      // Second message for the same field: already shown beside it.
    } else if (it != controls_.end()) {
      auto& c = it->second;
      c.has_error = true;
      c.dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", fe.message);
      if (!c.described) c.described = c.dict->AddSectionDictionary("DESCRIBED");
      c.described->SetValue("IDS", c.hint_id.empty() ? fe.field + "-erreur" : c.hint_id + " " + fe.field + "-erreur");
    } else if (!fe.field.empty()) {
      body_->AddSectionDictionary(upper(fe.field) + "_ERROR")->SetValue("MESSAGE", fe.message);
    }
    ++error_count_;
  }
  summary->SetIntValue("ERROR_COUNT", error_count_);
  summary->SetValue("ERROR_PLURAL", error_count_ > 1 ? "s" : "");
}

void Page::flash(const std::string& message) {
  auto* f = dict_->AddSectionDictionary("FLASH");
  f->SetValue("MESSAGE", message);
}

Response Page::render(int status) {
  dict_->SetValue("TITLE", error_count_ > 0 ? "Erreur : " + title_ : title_);
  dict_->SetValue("HEADING", title_);
  return expand_layout(*dict_, status);
}

std::string render_template(const std::string& tpl, const ctemplate::TemplateDictionary& dict) {
  std::string out;
  if (!ctemplate::ExpandTemplate(tpl + ".tpl", ctemplate::DO_NOT_STRIP, &dict, &out))
    throw std::runtime_error("template could not be expanded: " + tpl);
  return out;
}

Response redirect_with_flash(const std::string& location, const std::string& message) {
  auto r = Response::redirect(location);
  r.cookies.push_back(Cookie{"jalon_flash", text::url_encode(message.substr(0, 300)), 60});
  return r;
}

}  // namespace jalon::http
