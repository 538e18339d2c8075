{{%AUTOESCAPE context="HTML"}}{{>PATHWAY_NAV}}
<dl class="row fiche">
  <dt class="col-sm-4 col-lg-3">Début</dt><dd class="col-sm-8 col-lg-9">{{STARTED}}</dd>
  <dt class="col-sm-4 col-lg-3">Organisation référente</dt><dd class="col-sm-8 col-lg-9">{{REFERENT_ORG}}</dd>
  <dt class="col-sm-4 col-lg-3">Conseiller référent</dt><dd class="col-sm-8 col-lg-9">{{COUNSELLOR}}</dd>
  {{#CLOSED}}<dt class="col-sm-4 col-lg-3">Sortie</dt><dd class="col-sm-8 col-lg-9">{{OUTCOME}} ({{CATEGORY}}) le {{ON}}{{#DETAIL}}<br>{{TEXT}}{{/DETAIL}}</dd>{{/CLOSED}}
</dl>
{{#SUSPENDED}}<p class="alert alert-warning">Le parcours est suspendu : ses objectifs, étapes et résultats ne peuvent pas être modifiés avant sa reprise.</p>{{/SUSPENDED}}
<p><a class="btn btn-outline-primary" href="{{ORIENT_URL}}">Orienter vers une autre structure</a></p>

<section aria-labelledby="membres" class="mb-4">
  <h2 class="h4" id="membres">Organisations du parcours</h2>
  <div class="table-responsive">
  <table class="table align-middle table-responsive-cartes">
    <caption class="visually-hidden">Organisations membres et demandes en attente</caption>
    <thead><tr><th scope="col">Organisation</th><th scope="col">Rôle</th><th scope="col">Depuis le</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>
    {{#MEMBER}}<tr><th scope="row">{{ORG}}</th><td data-label="Rôle">{{STATUS}}</td><td data-label="Depuis">{{SINCE}}</td><td>
      {{#DECIDE}}<form method="post" action="{{APPROVE}}" class="d-inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-primary" type="submit">Accepter<span class="visually-hidden"> la demande de {{ORG}}</span></button></form>
      <form method="post" action="{{REFUSE}}" class="d-inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-danger" type="submit">Refuser<span class="visually-hidden"> la demande de {{ORG}}</span></button></form>{{/DECIDE}}
      {{#REMOVE}}<form method="post" action="{{ACTION}}" class="d-inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-danger" type="submit">Retirer<span class="visually-hidden"> {{ORG}} du parcours</span></button></form>{{/REMOVE}}
    </td></tr>{{/MEMBER}}
    </tbody>
  </table>
  </div>
  {{#LEAVE}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-outline-danger" type="submit">Quitter le parcours</button></form>{{/LEAVE}}
  {{#MANAGE}}
  {{#CAN_INVITE}}
  <form method="post" action="{{BASE}}/membres" class="row g-2 align-items-end mt-2" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="col-md-7">{{>INVITE_ORGANISATION_ID_FIELD}}</div>
    <div class="col-md-3 mb-3"><button class="btn btn-outline-primary" type="submit">Inviter l'organisation</button></div>
  </form>
  {{/CAN_INVITE}}
  {{#NO_CONSENT}}<p class="text-muted">Sans le consentement de la personne au partage, aucune autre organisation ne peut être invitée.</p>{{/NO_CONSENT}}
  {{/MANAGE}}
</section>

{{#MANAGE}}
<section aria-labelledby="referent" class="mb-4">
  <h2 class="h4" id="referent">Référent et état du parcours</h2>
  <form method="post" action="{{BASE}}/referent" class="row g-2 align-items-end" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="col-md-6">{{>COUNSELLOR_ID_FIELD}}</div>
    <div class="col-md-4 mb-3"><button class="btn btn-outline-primary" type="submit">Enregistrer le conseiller</button></div>
  </form>
  {{#CAN_TRANSFER}}
  <form method="post" action="{{BASE}}/referent" class="row g-2 align-items-end" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="col-md-6">{{>ORGANISATION_ID_FIELD}}</div>
    <div class="col-md-4 mb-3"><button class="btn btn-outline-primary" type="submit">Transférer le rôle de référent</button></div>
  </form>
  {{/CAN_TRANSFER}}
  <div class="d-flex flex-wrap gap-2 mb-3">
  {{#CAN_SUSPEND}}<form method="post" action="{{BASE}}/statut"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="suspendre"><button class="btn btn-outline-primary" type="submit">Suspendre le parcours</button></form>{{/CAN_SUSPEND}}
  {{#CAN_RESUME}}<form method="post" action="{{BASE}}/statut"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="reprendre"><button class="btn btn-primary" type="submit">Reprendre le parcours</button></form>{{/CAN_RESUME}}
  </div>
  <details>
    <summary class="mb-2">Clôturer le parcours</summary>
    <form method="post" action="{{BASE}}/statut" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="cloturer">
      <div class="row"><div class="col-md-6">{{>OUTCOME_FIELD}}</div><div class="col-md-4">{{>CLOSED_ON_FIELD}}</div></div>
      {{>OUTCOME_DETAIL_FIELD}}
      <button class="btn btn-outline-danger" type="submit">Clôturer le parcours</button>
    </form>
  </details>
</section>
{{/MANAGE}}

<section aria-labelledby="engagement" class="mb-4">
  <h2 class="h4" id="engagement">Engagement : objectifs et actions</h2>
  {{#DOMAIN}}
  <h3 class="h5 mt-3">{{NAME}}</h3>
  {{#NO_OBJECTIVE}}<p class="text-muted">Aucun objectif.</p>{{/NO_OBJECTIVE}}
  {{#OBJECTIVE}}
  <div class="card mb-3"><div class="card-body">
    <h4 class="h6 mb-1">{{TITLE}} <span class="badge badge-role">{{STATUS}}</span></h4>
    {{#TARGET}}<p class="small text-muted mb-1">Échéance visée : {{ON}}</p>{{/TARGET}}
    {{#OBJECTIVE_MOVE}}<form method="post" action="{{MOVE_URL}}" class="d-flex flex-wrap gap-2 align-items-end mb-2">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div><label class="form-label small mb-0" for="objectif-etat-{{ID}}">Nouvel état<span class="visually-hidden"> de l'objectif {{TITLE}}</span></label>
      <select class="form-select form-select-sm" id="objectif-etat-{{ID}}" name="status">{{#CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHOICE}}</select></div>
      <button class="btn btn-sm btn-outline-primary" type="submit">Appliquer<span class="visually-hidden"> à l'objectif {{TITLE}}</span></button>
    </form>{{/OBJECTIVE_MOVE}}
    <ul class="list-unstyled ms-3">
    {{#ACTION}}<li class="mb-2"><span>{{TITLE}}</span> <span class="badge badge-role">{{STATUS}}</span>{{#META}}<br><span class="small text-muted">{{TEXT}}</span>{{/META}}
      {{#ACTION_MOVE}}<form method="post" action="{{MOVE_URL}}" class="d-flex flex-wrap gap-2 align-items-end mt-1">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <div><label class="form-label small mb-0" for="action-etat-{{ID}}">Nouvel état<span class="visually-hidden"> de l'action {{TITLE}}</span></label>
        <select class="form-select form-select-sm" id="action-etat-{{ID}}" name="status">{{#CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHOICE}}</select></div>
        <button class="btn btn-sm btn-outline-primary" type="submit">Appliquer<span class="visually-hidden"> à l'action {{TITLE}}</span></button>
      </form>{{/ACTION_MOVE}}</li>{{/ACTION}}
    </ul>
    {{#ADD_ACTION}}<details class="ms-3"><summary>Ajouter une action<span class="visually-hidden"> à l'objectif {{TITLE}}</span></summary>
      <form method="post" action="{{ACTION}}" class="row g-2 align-items-end mt-1" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <div class="col-md-5"><label class="form-label" for="action-titre-{{ID}}">Intitulé de l'action</label><input class="form-control" id="action-titre-{{ID}}" name="action_title" required></div>
        <div class="col-md-3"><label class="form-label" for="action-qui-{{ID}}">Qui la mène <span class="text-muted fw-normal">(facultatif)</span></label><input class="form-control" id="action-qui-{{ID}}" name="action_responsible"></div>
        <div class="col-md-2"><label class="form-label" for="action-echeance-{{ID}}">Échéance <span class="text-muted fw-normal">(facultatif)</span></label><input class="form-control" type="date" id="action-echeance-{{ID}}" name="action_due_on"></div>
        <div class="col-md-2"><button class="btn btn-outline-primary" type="submit">Ajouter</button></div>
      </form></details>{{/ADD_ACTION}}
  </div></div>
  {{/OBJECTIVE}}
  {{/DOMAIN}}
  {{#EDIT}}
  <details class="mt-2"><summary>Ajouter un objectif</summary>
    <form method="post" action="{{BASE}}/objectifs" class="mt-2" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="row"><div class="col-md-3">{{>OBJECTIVE_DOMAIN_FIELD}}</div><div class="col-md-6">{{>OBJECTIVE_TITLE_FIELD}}</div><div class="col-md-3">{{>OBJECTIVE_TARGET_ON_FIELD}}</div></div>
      <button class="btn btn-primary" type="submit">Ajouter l'objectif</button>
    </form>
  </details>
  {{/EDIT}}
</section>

<section aria-labelledby="etapes" class="mb-4">
  <h2 class="h4" id="etapes">Étapes</h2>
  {{#NO_STEP}}<p class="text-muted">Aucune étape.</p>{{/NO_STEP}}
  {{#STEPS}}<div class="table-responsive">
  <table class="table align-middle table-responsive-cartes">
    <caption class="visually-hidden">Étapes du parcours</caption>
    <thead><tr><th scope="col">Étape</th><th scope="col">Dispositif</th><th scope="col">Organisation</th><th scope="col">Dates</th><th scope="col">État</th></tr></thead>
    <tbody>
    {{#STEP}}<tr><th scope="row">{{TITLE}}</th><td data-label="Dispositif">{{SCHEME}}</td><td data-label="Organisation">{{ORG}}</td><td data-label="Dates">{{DATES}}</td><td data-label="État"><span class="badge badge-role">{{STATUS}}</span>
      {{#STEP_MOVE}}<form method="post" action="{{MOVE_URL}}" class="d-flex flex-wrap gap-2 align-items-end mt-1">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <div><label class="form-label small mb-0" for="etape-etat-{{ID}}">Nouvel état<span class="visually-hidden"> de l'étape {{TITLE}}</span></label>
        <select class="form-select form-select-sm" id="etape-etat-{{ID}}" name="status">{{#CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHOICE}}</select></div>
        <button class="btn btn-sm btn-outline-primary" type="submit">Appliquer<span class="visually-hidden"> à l'étape {{TITLE}}</span></button>
      </form>{{/STEP_MOVE}}</td></tr>{{/STEP}}
    </tbody>
  </table>
  </div>{{/STEPS}}
  {{#EDIT}}
  <details><summary>Ajouter une étape</summary>
    <form method="post" action="{{BASE}}/etapes" class="mt-2" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="row"><div class="col-md-4">{{>STEP_SCHEME_FIELD}}</div><div class="col-md-5">{{>STEP_TITLE_FIELD}}</div><div class="col-md-3">{{>STEP_PHASE_FIELD}}</div></div>
      <div class="row"><div class="col-md-4">{{>STEP_ORGANISATION_ID_FIELD}}</div><div class="col-md-3">{{>STEP_START_ON_FIELD}}</div><div class="col-md-3">{{>STEP_END_ON_FIELD}}</div></div>
      <button class="btn btn-primary" type="submit">Ajouter l'étape</button>
    </form>
  </details>
  {{/EDIT}}
</section>

<section aria-labelledby="resultats" class="mb-4">
  <h2 class="h4" id="resultats">Résultats sociaux</h2>
  {{#NO_SOCIAL}}<p class="text-muted">Aucun résultat social enregistré.</p>{{/NO_SOCIAL}}
  <ul>
  {{#SOCIAL}}<li>{{KIND}} le {{ON}} ({{ORG}}){{#DETAIL}} — {{TEXT}}{{/DETAIL}}</li>{{/SOCIAL}}
  </ul>
  {{#EDIT}}
  <form method="post" action="{{BASE}}/resultats-sociaux" class="row g-2 align-items-end" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="col-md-4">{{>SOCIAL_KIND_FIELD}}</div><div class="col-md-3">{{>SOCIAL_ACHIEVED_ON_FIELD}}</div><div class="col-md-3">{{>SOCIAL_DETAIL_FIELD}}</div>
    <div class="col-md-2 mb-3"><button class="btn btn-outline-primary" type="submit">Enregistrer</button></div>
  </form>
  {{/EDIT}}
</section>

<section aria-labelledby="orientations">
  <h2 class="h4" id="orientations">Orientations liées au parcours</h2>
  {{#NO_ORIENTATION}}<p class="text-muted">Aucune orientation.</p>{{/NO_ORIENTATION}}
  <ul>
  {{#ORIENTATION}}<li>N° {{ID}} du {{ON}}, de {{FROM}} vers {{TO}} : {{STATUS}}{{#LINK}} — <a href="{{URL}}">voir<span class="visually-hidden"> l'orientation n° {{ID}}</span></a>{{/LINK}}</li>{{/ORIENTATION}}
  </ul>
</section>
