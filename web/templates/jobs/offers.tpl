{{%AUTOESCAPE context="HTML"}}<p class="d-flex flex-wrap gap-2">
  {{#PUBLISH}}<a class="btn btn-primary" href="{{URL}}">Publier une offre</a>{{/PUBLISH}}
  <a class="btn btn-outline-primary" href="{{INBOX}}">Candidatures reçues</a>
  <a class="btn btn-outline-primary" href="/emplois">Recherche publique d'offres</a>
</p>
{{#NOT_EMPLOYER}}<p class="alert alert-info">Votre organisation ne publie pas d'offres. Les offres des employeurs se trouvent dans la recherche publique.</p>{{/NOT_EMPLOYER}}
<p>Une offre ouverte sans mise à jour pendant 90 jours se ferme d'elle-même ; vous pouvez la rouvrir.</p>
{{#EMPTY}}<p>Aucune offre pour le moment.</p>{{/EMPTY}}
{{#TABLE}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption class="visually-hidden">Offres de l'organisation</caption>
  <thead><tr><th scope="col">Offre</th><th scope="col">Lieu</th><th scope="col">Contrat</th><th scope="col">État</th><th scope="col">Candidatures en attente</th><th scope="col">Mise à jour</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><th scope="row"><a href="{{URL}}">{{TITLE}}</a></th><td data-label="Lieu">{{PLACE}}</td><td data-label="Contrat">{{CONTRACT}}</td>
    <td data-label="État"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span></td><td data-label="Candidatures en attente"><a href="{{APPLICATIONS}}">{{PENDING}}</a></td><td data-label="Mise à jour">{{UPDATED}}</td></tr>{{/ROW}}
  </tbody>
</table>
</div>
{{/TABLE}}
<nav aria-label="Pages d'offres" class="d-flex gap-2">
  {{#PREVIOUS}}<a class="btn btn-outline-primary" href="{{URL}}">Offres précédentes</a>{{/PREVIOUS}}
  {{#NEXT}}<a class="btn btn-outline-primary" href="{{URL}}">Offres suivantes</a>{{/NEXT}}
</nav>
