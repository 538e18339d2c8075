{{%AUTOESCAPE context="HTML"}}<p><a class="btn btn-outline-primary" href="{{INBOX}}">Orientations reçues</a></p>
<p>Les parcours dont votre organisation est membre, en cours d'abord. Pour en ouvrir un, passez par la fiche de la personne.</p>
{{#EMPTY}}<p>Votre organisation n'est membre d'aucun parcours.</p>{{/EMPTY}}
<div class="table-responsive">
<table class="table align-middle table-responsive-cartes">
  <caption class="visually-hidden">Parcours suivis</caption>
  <thead><tr><th scope="col">Personne</th><th scope="col">Naissance</th><th scope="col">État</th><th scope="col">Début</th><th scope="col">Référent</th></tr></thead>
  <tbody>
  {{#PATHWAY}}<tr><th scope="row"><a href="{{URL}}">{{NAME}}</a></th><td data-label="Naissance">{{BIRTH}}</td><td data-label="État">{{STATUS}}</td><td data-label="Début">{{STARTED}}</td><td data-label="Référent">{{REFERENT}}</td></tr>{{/PATHWAY}}
  </tbody>
</table>
</div>
