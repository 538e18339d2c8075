{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← {{BACK_LABEL}}</a></p>
{{#REPORT}}
<div class="alert alert-danger" role="alert" tabindex="-1" autofocus>
  <h2 class="h5">Import refusé : {{COUNT}} erreur(s) ({{STRUCTURES}} structure(s) et {{SERVICES}} service(s) lus). Rien n'a été enregistré.</h2>
  <p>Corrigez le fichier puis importez-le de nouveau.</p>
  <ul class="mb-0">{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}{{#MORE}}<li>… et {{N}} autre(s).</li>{{/MORE}}</ul>
</div>
{{/REPORT}}
<p>Les fichiers suivent le schéma national data·inclusion (version 1). Ils sont importés en entier ou pas du tout : chaque structure et chaque service est vérifié d'abord. Importer de nouveau le même fichier met à jour les fiches (même source et même identifiant) au lieu de les dupliquer.</p>
{{#FOR_ORG}}<p>Les structures importées sont rattachées à votre organisation ; les services créés sont publiés.</p>{{/FOR_ORG}}
{{#FOR_PLATFORM}}<p>Les structures importées ici n'appartiennent à aucune organisation (données d'autres producteurs) ; les services créés sont publiés.</p>{{/FOR_PLATFORM}}
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" enctype="multipart/form-data">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="mb-3">
    <label class="form-label" for="fichier">Fichier JSON, ou CSV des services</label>
    <p class="form-text mt-0 mb-1" id="fichier-aide">JSON : un objet {"structures": […], "services": […]} ou une liste de services. CSV : une colonne par champ du schéma, listes séparées par « | » ou « , ». {{MAX_MB}} Mo au plus ; au-delà, utilisez la commande « jalon import services ».</p>
    <input class="form-control" type="file" id="fichier" name="fichier" accept=".json,.csv,application/json,text/csv" aria-describedby="fichier-aide" required>
  </div>
  <div class="mb-3">
    <label class="form-label" for="fichier_structures">CSV des structures <span class="text-muted fw-normal">(facultatif)</span></label>
    <p class="form-text mt-0 mb-1" id="fichier_structures-aide">Avec un CSV de services, le CSV des structures auxquelles ils se rattachent, si elles ne sont pas déjà dans l'annuaire.</p>
    <input class="form-control" type="file" id="fichier_structures" name="fichier_structures" accept=".csv,text/csv" aria-describedby="fichier_structures-aide">
  </div>
  <button class="btn btn-primary" type="submit">Importer</button>
</form>
</div></div>
