{{%AUTOESCAPE context="HTML"}}<p><a href="{{PERSON_URL}}">← Fiche de {{PERSON_NAME}}</a></p>
<p><a class="btn btn-outline-primary" href="{{ORIENT_URL}}">Orienter vers une autre structure</a></p>
{{#CURRENT}}
<section aria-labelledby="parcours-en-cours" class="mb-4">
  <h2 class="h4" id="parcours-en-cours">Parcours en cours</h2>
  <dl class="row fiche">
    <dt class="col-sm-4 col-lg-3">État</dt><dd class="col-sm-8 col-lg-9"><span class="badge badge-role">{{STATUS}}</span></dd>
    <dt class="col-sm-4 col-lg-3">Début</dt><dd class="col-sm-8 col-lg-9">{{STARTED}}</dd>
    <dt class="col-sm-4 col-lg-3">Référent</dt><dd class="col-sm-8 col-lg-9">{{REFERENT}}</dd>
  </dl>
  {{#LINK}}<p><a class="btn btn-primary" href="{{URL}}">Voir le parcours</a></p>{{/LINK}}
  {{#REQUESTED}}<p>La demande de votre organisation pour rejoindre ce parcours attend la réponse du référent.</p>{{/REQUESTED}}
  {{#JOIN}}
  <p>Votre organisation n'est pas membre de ce parcours. Le référent décide des organisations qui le rejoignent.</p>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button class="btn btn-outline-primary" type="submit">Demander à rejoindre le parcours</button>
  </form>
  {{/JOIN}}
</section>
{{/CURRENT}}
{{#OPEN}}
<section aria-labelledby="ouvrir" class="mb-4">
  <h2 class="h4" id="ouvrir">Ouvrir un parcours</h2>
  <p>Votre organisation en sera la référente. Une personne n'a qu'un parcours en cours à la fois.</p>
  <form method="post" action="{{OPEN_ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="row"><div class="col-md-4">{{>STARTED_ON_FIELD}}</div><div class="col-md-5">{{>COUNSELLOR_ID_FIELD}}</div></div>
    <button class="btn btn-primary" type="submit">Ouvrir le parcours</button>
  </form>
</section>
{{/OPEN}}
<section aria-labelledby="historique">
  <h2 class="h4" id="historique">Parcours terminés</h2>
  {{#NONE}}<p>Aucun parcours pour l'instant.</p>{{/NONE}}
  <ul>
  {{#PAST}}<li>Parcours n° {{ID}} du {{STARTED}} au {{CLOSED}}, référent {{REFERENT}} — sortie : {{OUTCOME}}{{#LINK}} — <a href="{{URL}}">voir<span class="visually-hidden"> le parcours n° {{ID}}</span></a>{{/LINK}}</li>{{/PAST}}
  </ul>
</section>
