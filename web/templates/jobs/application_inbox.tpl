{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2">
  {{#SENT_LINK}}<a class="btn btn-outline-primary" href="{{URL}}">Candidatures envoyées</a>{{/SENT_LINK}}
  {{#INBOX_LINK}}<a class="btn btn-outline-primary" href="{{URL}}">Candidatures reçues</a>{{/INBOX_LINK}}
</p>
<nav aria-label="Filtrer par état" class="mb-3">
  <ul class="nav nav-pills flex-wrap">
    {{#TAB}}<li class="nav-item"><a class="nav-link{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}} <span class="badge text-bg-light">{{COUNT}}</span></a></li>{{/TAB}}
  </ul>
</nav>
<form method="get" action="{{ACTION}}" class="row g-2 align-items-end mb-3" aria-label="Filtres">
  <input type="hidden" name="etat" value="{{STATE}}">
  {{#OFFER_FILTER}}<div class="col-md-4">
    <label class="form-label" for="offre">Offre</label>
    <select class="form-select" id="offre" name="offre"><option value="">Toutes les offres</option>{{#OFFER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}{{#CLOSED}} (close){{/CLOSED}}</option>{{/OFFER}}</select>
  </div>{{/OFFER_FILTER}}
  <div class="col-md-2">
    <label class="form-label" for="emetteur">Envoyée par</label>
    <select class="form-select" id="emetteur" name="emetteur"><option value="">Tous</option>{{#KIND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
  </div>
  <div class="col-md-2"><label class="form-label" for="du">Reçue du</label><input class="form-control" type="date" id="du" name="du" value="{{FROM}}"></div>
  <div class="col-md-2"><label class="form-label" for="au">au</label><input class="form-control" type="date" id="au" name="au" value="{{TO}}"></div>
  <div class="col-md-2"><button class="btn btn-primary w-100" type="submit">Filtrer</button></div>
</form>
{{#EXPORT}}<p class="d-flex flex-wrap align-items-center gap-2"><a class="btn btn-outline-secondary btn-sm" href="{{CSV}}">Exporter en CSV</a> <a class="btn btn-outline-secondary btn-sm" href="{{XLSX}}">Exporter en XLSX</a> <span class="small text-muted">Les candidatures de ces filtres, {{MOST}} au plus par fichier.</span></p>{{/EXPORT}}
{{#EMPTY}}<p>Aucune candidature ne correspond à ces filtres.</p>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption class="visually-hidden">{{CAPTION}}</caption>
  <thead><tr><th scope="col">Candidat</th><th scope="col">Offre</th><th scope="col">{{SIDE_HEADER}}</th><th scope="col">Reçue le</th><th scope="col">État</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row"><a href="{{URL}}">{{PERSON}}</a><br><span class="small text-muted">candidature n° {{ID}}{{#BIRTH}}, naissance : {{VALUE}}{{/BIRTH}}</span></th>
    <td data-label="Offre">{{OFFER}}</td><td data-label="{{SIDE_HEADER}}">{{SIDE}}</td>
    <td data-label="Reçue le">{{CREATED}}</td>
    <td data-label="État"><span class="badge badge-role">{{STATE}}</span>{{#WAITING}}<br><span class="small text-muted">sans suite depuis {{DAYS}} jour(s) ; refus automatique à {{LIMIT}} jours</span>{{/WAITING}}</td></tr>{{/ROW}}
  </tbody>
</table>
</div>{{/HAS_ROWS}}
{{#MORE}}<p><a class="btn btn-outline-primary" href="{{URL}}">Candidatures plus anciennes</a></p>{{/MORE}}
