{{%AUTOESCAPE context="HTML"}}<p>Les structures de votre organisation et leurs services, au format national data·inclusion. Un service publié apparaît dans l'annuaire public ; un brouillon ou un service archivé n'y apparaît pas.</p>
<p class="d-flex flex-wrap gap-2">
  <a class="btn btn-primary" href="/organisations/{{ORG_ID}}/annuaire/structures/nouvelle">Nouvelle structure</a>
  {{#ADMIN}}<a class="btn btn-outline-primary" href="/organisations/{{ORG_ID}}/annuaire/import">Importer un fichier data·inclusion</a>{{/ADMIN}}
</p>
{{#STALE_SUMMARY}}<div class="alert alert-warning" role="status">{{TEXT}}</div>{{/STALE_SUMMARY}}
{{#EMPTY}}<p>Votre organisation n'a pas encore de structure dans l'annuaire. Commencez par en créer une : ses services s'y rattacheront.</p>{{/EMPTY}}
{{#STRUCTURE}}
<section class="card mb-4" id="structure-{{ID}}" aria-labelledby="structure-{{ID}}-titre">
  <div class="card-body">
    <h2 class="h4" id="structure-{{ID}}-titre">{{NAME}}</h2>
    <p class="text-muted mb-2">{{ADDRESS}}</p>
    <p class="d-flex flex-wrap gap-2">
      <a class="btn btn-sm btn-outline-primary" href="{{EDIT}}">Modifier la structure<span class="visually-hidden"> {{NAME}}</span></a>
      <a class="btn btn-sm btn-outline-primary" href="{{NEW_SERVICE}}">Ajouter un service<span class="visually-hidden"> à {{NAME}}</span></a>
      <a class="btn btn-sm btn-link" href="{{PUBLIC}}">Page publique<span class="visually-hidden"> de {{NAME}}</span></a>
    </p>
    {{#NO_SERVICE}}<p class="mb-0">Aucun service pour l'instant.</p>{{/NO_SERVICE}}
    {{#HAS_SERVICES}}
    <div class="table-responsive">
    <table class="table align-middle table-responsive-cartes mb-0">
      <caption>Services de {{NAME}}</caption>
      <thead><tr><th scope="col">Service</th><th scope="col">Statut</th><th scope="col">Mis à jour le</th><th scope="col">Actions</th></tr></thead>
      <tbody>
      {{#SERVICE}}
        <tr>
          <th scope="row"><a href="{{EDIT}}">{{NAME}}</a></th>
          <td data-label="Statut"><span class="badge {{STATUS_CSS}}">{{STATUS}}</span>{{#STALE}} <span class="badge badge-a-verifier">à vérifier</span>{{/STALE}}</td>
          <td data-label="Mis à jour le">{{UPDATED}}</td>
          <td data-label="Actions"><div class="d-flex flex-wrap gap-1">{{#MOVE}}
            <form method="post" action="{{ACTION}}" class="d-inline">
              <input type="hidden" name="csrf" value="{{CSRF}}">
              <input type="hidden" name="statut" value="{{TO}}">
              <button class="btn btn-sm {{CSS}}" type="submit">{{LABEL}}<span class="visually-hidden"> « {{SERVICE}} »</span></button>
            </form>{{/MOVE}}</div></td>
        </tr>
      {{/SERVICE}}
      </tbody>
    </table>
    </div>
    {{/HAS_SERVICES}}
  </div>
</section>
{{/STRUCTURE}}
