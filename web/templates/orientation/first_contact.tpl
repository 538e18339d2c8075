{{%AUTOESCAPE context="HTML"}}{{#INTRO}}<p class="lead">Quelques questions pour savoir à qui vous adresser en premier, près de chez vous, et ce qui peut vous aider. Sans inscription : rien de ce que vous indiquez n'est enregistré.</p>{{/INTRO}}
{{#ANSWER}}
<section aria-labelledby="reponse-titre" class="mb-5 reponse">
  <h2 id="reponse-titre" class="h3" tabindex="-1">Notre réponse, près de {{PLACE}}</h2>
  <p class="text-body-secondary">D'après vos réponses, au {{TODAY}}. Rien n'a été enregistré : vous pouvez modifier vos réponses en bas de la page.</p>

  <section aria-labelledby="referent-titre" class="card mb-4 carte-referent">
    <div class="card-body">
      <h3 id="referent-titre" class="h4">Qui contacter en premier</h3>
      {{#REFERENT}}
      <p class="fs-5 mb-2"><strong>{{LABEL}}</strong></p>
      <p class="mb-1">{{REASON}}</p>
      {{#FACTS}}<p class="small text-body-secondary">D'après ce que vous avez indiqué : {{TEXT}}.</p>{{/FACTS}}
      {{#NEAREST}}
      <h4 class="h5 mt-3">Les adresses les plus proches</h4>
      <ul class="list-unstyled mb-0">
        {{#PLACE_ITEM}}<li class="border rounded p-2 mb-2 adresse">
          <p class="mb-1"><a href="{{LINK}}"><strong>{{NAME}}</strong></a> <span class="badge text-bg-light">à {{DISTANCE}}</span></p>
          {{#ADDRESS}}<p class="mb-0">{{TEXT}}</p>{{/ADDRESS}}
          {{#PHONE}}<p class="mb-0">Téléphone : {{TEXT}}</p>{{/PHONE}}
        </li>{{/PLACE_ITEM}}
      </ul>
      {{/NEAREST}}
      {{#NONE_NEAR}}<p class="mb-0">L'annuaire ne connaît pas encore d'adresse de ce type à moins de {{RADIUS}} : <a href="/annuaire">cherchez dans l'annuaire</a> ou demandez à votre mairie.</p>{{/NONE_NEAR}}
      {{/REFERENT}}
      {{#NO_REFERENT}}<p class="mb-0">{{TEXT}}</p>{{/NO_REFERENT}}
    </div>
  </section>

  {{#SCHEMES}}
  <section aria-labelledby="dispositifs-titre" class="mb-4">
    <h3 id="dispositifs-titre" class="h4">Ce qui peut vous correspondre</h3>
    <ul>
      {{#SCHEME}}<li><strong>{{LABEL}}</strong> : {{REASON}}</li>{{/SCHEME}}
    </ul>
    {{#IAE}}<p><a href="/iae/eligibilite">Vérifier votre éligibilité à l'insertion par l'activité économique (IAE)</a></p>{{/IAE}}
  </section>
  {{/SCHEMES}}

  {{#BARRIERS}}
  <section aria-labelledby="difficultes-titre" class="mb-4">
    <h3 id="difficultes-titre" class="h4">Pour vos difficultés</h3>
    {{#BARRIER}}
    <div class="mb-4 difficulte" id="difficulte-{{CODE}}">
      <h4 class="h5">{{LABEL}}</h4>
      {{#SOLUTIONS}}<p class="mb-1">Ce qui aide :</p>
      <ul>{{#SOLUTION}}<li>{{TEXT}}{{#ACTORS}} <span class="text-body-secondary">({{TEXT}})</span>{{/ACTORS}}</li>{{/SOLUTION}}</ul>{{/SOLUTIONS}}
      {{#SERVICES}}<p class="mb-1">Près de chez vous :</p>
      <ul class="list-unstyled">
        {{#SERVICE}}<li class="border rounded p-2 mb-2 service">
          <p class="mb-1"><a href="{{LINK}}"><strong>{{NAME}}</strong></a> <span class="badge text-bg-light">à {{DISTANCE}}</span></p>
          <p class="mb-1 text-body-secondary">{{STRUCTURE}}</p>
          {{#ADDRESS}}<p class="mb-0">{{TEXT}}</p>{{/ADDRESS}}
          {{#PHONE}}<p class="mb-0">Téléphone : {{TEXT}}</p>{{/PHONE}}
        </li>{{/SERVICE}}
      </ul>{{/SERVICES}}
      {{#NO_SERVICE}}<p>L'annuaire ne connaît pas encore de service pour cette difficulté à moins de {{RADIUS}}.</p>{{/NO_SERVICE}}
      <p><a href="{{MORE}}">Tous les services pour « {{LABEL}} » dans l'annuaire</a></p>
    </div>
    {{/BARRIER}}
  </section>
  {{/BARRIERS}}

  {{#FAQ}}
  <section aria-labelledby="faq-titre" class="mb-4">
    <h3 id="faq-titre" class="h4">Questions fréquentes</h3>
    {{#ENTRY}}
    <div class="mb-3 faq">
      <h4 class="h6 mb-1">{{QUESTION}}</h4>
      <p class="mb-0">{{ANSWER}}</p>
      {{#NOTE}}<p class="small text-body-secondary mb-0">À noter : {{TEXT}}</p>{{/NOTE}}
    </div>
    {{/ENTRY}}
  </section>
  {{/FAQ}}
</section>
<h2 class="h4">Modifier vos réponses</h2>
{{/ANSWER}}
<form method="post" action="/par-ou-commencer" class="formulaire-orientation" novalidate>
  <fieldset class="mb-3">
    <legend class="h5">Vous</legend>
    <div class="row g-2">
      <div class="col-sm-4">{{>AGE_FIELD}}</div>
      <div class="col-sm-8">{{>BIRTH_DATE_FIELD}}</div>
    </div>
    {{>PLACE_FIELD}}
    {{#PLACE_CHOICES}}
    <fieldset class="mb-3" id="commune_code">
      <legend class="form-label fs-6 mb-1">Laquelle est votre commune ?</legend>
      {{#CHOICE}}<div class="form-check">
        <input class="form-check-input" type="radio" name="commune_code" id="commune_code-{{N}}" value="{{VALUE}}">
        <label class="form-check-label" for="commune_code-{{N}}">{{LABEL}}</label>
      </div>{{/CHOICE}}
    </fieldset>
    {{/PLACE_CHOICES}}
  </fieldset>
  <fieldset class="mb-3">
    <legend class="h5">Votre situation</legend>
    {{>JOBSEEKER_FIELD}}
    {{>JOBSEEKER_SINCE_FIELD}}
    {{>RESOURCE_FIELD}}
    {{>RQTH_FIELD}}
    {{>QUALIFICATION_FIELD}}
  </fieldset>
  {{>BARRIERS_FIELD}}
  <button class="btn btn-primary" type="submit">Voir à qui m'adresser</button>
</form>
