{{%AUTOESCAPE context="HTML"}}{{>PATHWAY_NAV}}
<p><a href="{{BACK}}">← Toutes les notes</a></p>
<article class="card mb-4" aria-labelledby="note-actuelle">
  <div class="card-body">
    <h2 class="h5" id="note-actuelle">{{AUTHOR}}, le {{AT}} <span class="badge badge-role">{{LEVEL}}</span></h2>
    <p class="texte-service">{{BODY}}</p>
    {{#EDITED}}<p class="small mb-0">Modifiée le {{AT}} : version {{VERSION}}.</p>{{/EDITED}}
  </div>
</article>
{{#EDIT}}
<section aria-labelledby="modifier" class="mb-4">
  <h2 class="h4" id="modifier">Modifier la note</h2>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{>BODY_FIELD}}
    <div class="row"><div class="col-md-7">{{>LEVEL_FIELD}}</div></div>
    <button class="btn btn-primary" type="submit">Enregistrer la modification</button>
  </form>
</section>
{{/EDIT}}
<section aria-labelledby="versions">
  <h2 class="h4" id="versions">Versions précédentes</h2>
  {{#NO_VERSION}}<p>La note n'a pas été modifiée.</p>{{/NO_VERSION}}
  {{#VERSION}}
  <div class="border-start ps-3 mb-3">
    <h3 class="h6">Version {{VERSION}}, écrite le {{AT}} par {{WHO}} <span class="badge badge-role">{{LEVEL}}</span></h3>
    <p class="texte-service mb-0">{{BODY}}</p>
  </div>
  {{/VERSION}}
</section>
