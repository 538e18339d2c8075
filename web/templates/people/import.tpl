{{%AUTOESCAPE context="HTML"}}<p><a href="/organisations/{{ORG_ID}}/personnes">← Personnes accompagnées</a></p>
{{#REPORT}}
<div class="alert alert-danger" role="alert" tabindex="-1" autofocus>
  <h2 class="h5">Import refusé : {{COUNT}} erreur(s) sur {{ROWS}} ligne(s). Rien n'a été enregistré.</h2>
  <p>Corrigez le fichier puis importez-le de nouveau.</p>
  <ul class="mb-0">{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}{{#MORE}}<li>… et {{N}} autre(s).</li>{{/MORE}}</ul>
</div>
{{/REPORT}}
<p>Le fichier est importé en entier ou pas du tout : chaque ligne est vérifiée d'abord. Les fiches créées sont rattachées à votre organisation.</p>
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="/organisations/{{ORG_ID}}/personnes/import" enctype="multipart/form-data">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="mb-3">
    <label class="form-label" for="fichier">Fichier CSV</label>
    <p class="form-text mt-0 mb-1" id="fichier-aide">Export d'un tableur (UTF-8 ou Windows-1252, séparateur point-virgule ou virgule), {{MAX_MB}} Mo au plus. Pour de plus gros fichiers, utilisez la commande « jalon import people ».</p>
    <input class="form-control" type="file" id="fichier" name="fichier" accept=".csv,text/csv" aria-describedby="fichier-aide" required>
  </div>
  <div class="form-check mb-3">
    <input class="form-check-input" type="checkbox" id="doublons_acceptes" name="doublons_acceptes" value="oui" aria-describedby="doublons-aide">
    <label class="form-check-label" for="doublons_acceptes">Importer même si des personnes ressemblent à des fiches existantes</label>
    <p class="form-text mt-0" id="doublons-aide">Sans cette case, une personne du fichier qui ressemble à une fiche déjà enregistrée (même identifiant France Travail, ou même date de naissance et nom presque identique) bloque l'import, pour éviter les doublons.</p>
  </div>
  <button class="btn btn-primary" type="submit">Importer</button>
</form>
</div></div>
<h2 class="h4 mt-4">Colonnes reconnues</h2>
<p>La première ligne nomme les colonnes (accents et majuscules sans importance). « nom » et « prenom » sont obligatoires.</p>
<table class="table table-sm">
  <caption class="visually-hidden">Colonnes du fichier d'import</caption>
  <thead><tr><th scope="col">Colonne</th><th scope="col">Contenu</th></tr></thead>
  <tbody>{{#COLUMN}}<tr><th scope="row"><code>{{NAME}}</code></th><td>{{DESC}}</td></tr>{{/COLUMN}}</tbody>
</table>
