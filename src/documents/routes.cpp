// A person's documents: list with the upload form, upload, download, delete; and the API list.
#include "documents/routes.h"

#include <boost/json.hpp>

#include "base/time.h"
#include "documents/actions.h"
#include "documents/rules.h"
#include "documents/store.h"
#include "http/json.h"
#include "http/multipart.h"
#include "http/page.h"
#include "jobs/application_store.h"
#include "people/access.h"
#include "people/routes.h"

namespace jalon::documents {

using namespace http;

namespace {

std::string base(long long org, long long person) {
  return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(person) + "/documents";
}

// The document {document} of person {person}, or NotFound.
Document load(Ctx& ctx, long long person) {
  auto d = store::find(ctx.tx, ctx.id("document"));
  if (!d || d->person_id != person) throw NotFound("Ce document n'existe pas.");
  return *d;
}

Response list_page(Ctx& ctx, const Upload* submitted, const ValidationError* err) {
  long long org = ctx.org();
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "document.list");
  Page page(ctx, "documents/list", "Documents de " + p.first_name + " " + p.last_name);
  auto& b = page.body();
  b.SetValue("PERSON_URL", "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(p.id));
  b.SetValue("PERSON_NAME", p.first_name + " " + p.last_name);
  b.SetValue("ACTION", base(org, p.id));
  b.SetValue("MAX", display_size(ctx.config.document_max_bytes));
  auto docs = store::of_person(ctx.tx, p.id);
  for (const auto& d : docs) {
    auto* r = b.AddSectionDictionary("DOC");
    r->SetValue("TITLE", d.title);
    const KindInfo* k = find_kind(d.kind);
    r->SetValue("KIND", k ? k->label : d.kind);
    std::string type = d.content_type;
    if (type == "application/pdf")
      type = "PDF";
    else if (type.rfind("image/", 0) == 0)
      type = "image " + type.substr(6);
    else if (type.find("wordprocessingml") != std::string::npos)
      type = "Word";
    else if (type.find("opendocument") != std::string::npos)
      type = "OpenDocument";
    r->SetValue("TYPE", type);
    r->SetValue("SIZE", display_size(static_cast<std::uint64_t>(d.size)));
    auto at = time::parse_iso(d.created_at);
    r->SetValue("AT", at ? time::display(*at) : d.created_at);
    r->SetValue("ORG", d.organisation_name);
    r->SetValue("URL", base(org, p.id) + "/" + std::to_string(d.id));
    if (d.organisation_id == org)
      r->AddSectionDictionary("DELETE")->SetValue("ACTION",
                                                  base(org, p.id) + "/" + std::to_string(d.id) + "/supprimer");
  }
  if (docs.empty()) b.ShowSection("NONE");
  std::vector<Page::Option> kinds_options;
  for (const auto& k : kinds()) kinds_options.push_back({k.code, k.label, ""});
  page.select("kind", "Type de document", kinds_options, submitted ? submitted->kind : "");
  page.field("title", "Titre", "text", submitted ? submitted->title : "",
             {"Par défaut, le nom du fichier.", "off", false});
  page.field(
      "fichier", "Fichier", "file", "",
      {"PDF, image (PNG, JPEG, WebP) ou document texte (.docx, .odt), " + display_size(ctx.config.document_max_bytes) +
           " au plus. Le type est vérifié d'après le contenu du fichier.",
       "off", true});
  if (err) page.errors(*err);
  return page.render();
}

Upload read_upload(Ctx& ctx) {
  if (!is_multipart(ctx.req)) throw BadRequest("Envoyez le fichier avec le formulaire de dépôt.");
  auto parts = parse_multipart(ctx.req);
  Upload u;
  if (const Part* f = find_part(parts, "fichier")) {
    u.filename = f->filename;
    u.bytes = f->body;
  }
  if (const Part* k = find_part(parts, "kind")) u.kind = k->body;
  if (const Part* t = find_part(parts, "title")) u.title = t->body;
  return u;
}

Response upload_file(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::write, "document.upload");
  Upload u = read_upload(ctx);
  long long id = upload(ctx.tx, p.id, org, ctx.who.user_id, u, ctx.config.document_max_bytes);
  auto d = store::find(ctx.tx, id);
  people::audit(ctx, p.id, "document.upload",
                "document n° " + std::to_string(id) + " « " + d->title + " » (" + d->content_type + ")");
  return redirect_with_flash(base(org, p.id), "Le document « " + d->title + " » est déposé.");
}

Response get_file(Ctx& ctx) {
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::read, "document.download");
  Document d = load(ctx, p.id);
  people::audit(ctx, p.id, "document.download", "document n° " + std::to_string(d.id) + " « " + d.title + " »");
  return download(ctx.tx, d);
}

Response delete_file(Ctx& ctx) {
  long long org = ctx.org();
  people::Person p = people::check(ctx, ctx.id("person"), people::Action::write, "document.delete");
  Document d = load(ctx, p.id);
  if (d.organisation_id != org) throw Forbidden("Seule l'organisation qui a déposé ce document peut le supprimer.");
  jobs::application_store::detach_cv(ctx.tx, d.id);  // the file is the person's: it leaves their applications too
  store::remove(ctx.tx, d.id);
  people::audit(ctx, p.id, "document.delete", "document n° " + std::to_string(d.id) + " « " + d.title + " »");
  return redirect_with_flash(base(org, p.id), "Le document « " + d.title + " » est supprimé.");
}

Response api_list(Ctx& ctx) {
  people::Person p = people::require(ctx, ctx.id("person"), people::Action::read, "document.list");
  boost::json::array items;
  for (const auto& d : store::of_person(ctx.tx, p.id))
    items.push_back({{"id", d.id},
                     {"kind", d.kind},
                     {"title", d.title},
                     {"filename", d.filename},
                     {"content_type", d.content_type},
                     {"size", d.size},
                     {"sha256", d.sha256},
                     {"organisation_id", d.organisation_id},
                     {"organisation_name", d.organisation_name},
                     {"created_at", d.created_at}});
  return items_response(std::move(items));
}

}  // namespace

void add_routes(Router& router) {
  using people::add_person_route;
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/documents", "documents.list",
                            Access::member, Kind::page, [](Ctx& c) { return list_page(c, nullptr, nullptr); }});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/documents", "documents.upload",
                            Access::member, Kind::page, upload_file, [](Ctx& c, const ValidationError& e) {
                              Upload u;
                              try {
                                u = read_upload(c);
                              } catch (const BadRequest&) {
                              }
                              return list_page(c, &u, &e);
                            }});
  add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/documents/{document}",
                            "documents.download", Access::member, Kind::page, get_file});
  add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/documents/{document}/supprimer",
                            "documents.delete", Access::member, Kind::page, delete_file});
  add_person_route(
      router,
      {Method::get,
       "/api/v1/organisations/{org}/people/{person}/documents",
       "api.documents.list",
       Access::member,
       Kind::api,
       api_list,
       nullptr,
       {"Documents d'une personne : description seulement (le contenu se télécharge depuis la fiche) ; accès "
        "journalisé",
        "Documents", "",
        R"J({"type":"object","required":["items"],"properties":{"items":{"type":"array","items":{"type":"object","required":["id","kind","title","content_type","size"],"properties":{"id":{"type":"integer"},"kind":{"type":"string","enum":["cv","certificate","identity","other"]},"title":{"type":"string"},"filename":{"type":"string"},"content_type":{"type":"string"},"size":{"type":"integer"},"sha256":{"type":"string"},"organisation_id":{"type":"integer"},"organisation_name":{"type":"string"},"created_at":{"type":"string"}}}}}})J"}});
}

}  // namespace jalon::documents
