{{%AUTOESCAPE context="HTML"}}{{>PATHWAY_NAV}}
{{#WRITE}}
<section aria-labelledby="ecrire" class="mb-4">
  <h2 class="h4" id="ecrire">Écrire une note</h2>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{>NOTE_BODY_FIELD}}
    <div class="row"><div class="col-md-7">{{>NOTE_LEVEL_FIELD}}</div></div>
    {{#NOT_SOCIAL}}<p class="form-text">Les notes sociales confidentielles sont réservées aux travailleurs sociaux.</p>{{/NOT_SOCIAL}}
    <button class="btn btn-primary" type="submit">Enregistrer la note</button>
  </form>
</section>
{{/WRITE}}
<section aria-labelledby="liste-notes">
  <h2 class="h4" id="liste-notes">Notes que vous pouvez lire</h2>
  {{#NO_NOTE}}<p>Aucune note que vous puissiez lire.</p>{{/NO_NOTE}}
  {{#NOTE}}
  <article class="card mb-3" aria-labelledby="note-{{ID}}">
    <div class="card-body">
      <h3 class="h6" id="note-{{ID}}">{{AUTHOR}}, le {{AT}} <span class="badge badge-role">{{LEVEL}}</span></h3>
      <p class="texte-service mb-2">{{BODY}}</p>
      <p class="small mb-0">{{#EDITED}}Modifiée le {{AT}} (version {{VERSION}}). {{/EDITED}}<a href="{{URL}}">{{#MINE}}Modifier ou voir{{/MINE}}{{#OTHERS}}Voir{{/OTHERS}} les versions<span class="visually-hidden"> de la note de {{AUTHOR}}</span></a></p>
    </div>
  </article>
  {{/NOTE}}
</section>
