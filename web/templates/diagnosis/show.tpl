{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← Retour à la fiche</a></p>
<p>Fait le {{MADE_ON}} par {{AUTHOR}} ({{ORG}}, {{AUTHOR_KIND}}). Les recommandations sont établies à cette date.
<a href="{{NEW}}">Faire un nouveau diagnostic</a></p>
{{#COMMENT}}<p class="border-start ps-3">{{TEXT}}</p>{{/COMMENT}}

<h2 class="h4 mt-4">À contacter en premier</h2>
{{#REFERENT}}<div class="card mb-3"><div class="card-body">
  <p class="h5">{{LABEL}}</p>
  <p>{{REASON}}</p>
  <details><summary>Pourquoi : règle et faits utilisés</summary>
    <ul>{{#USED}}<li>{{TEXT}}</li>{{/USED}}</ul>
    <p class="small text-muted">Règle « {{RULE}} » ({{WHERE}}), en vigueur depuis le {{EFFECTIVE}}. Source : {{SOURCE}}.</p>
  </details>
  {{#REFERENT_PLACES}}<h3 class="h6 mt-3">Les plus proches</h3>
  {{#NO_SERVICE}}<p class="text-muted">Aucune structure de ce type publiée dans l'annuaire à proximité.</p>{{/NO_SERVICE}}
  {{>SERVICES}}{{/REFERENT_PLACES}}
</div></div>{{/REFERENT}}
{{#NO_REFERENT}}<p>Le diagnostic ne renseigne pas assez la situation pour désigner un référent (âge, inscription, ressources…).</p>{{/NO_REFERENT}}

<h2 class="h4 mt-4">Dispositifs adaptés</h2>
<ul>
{{#SCHEME}}<li><strong>{{LABEL}}</strong> : {{REASON}}
  <details><summary>Pourquoi</summary><ul>{{#USED}}<li>{{TEXT}}</li>{{/USED}}</ul>
  <p class="small text-muted">Règle « {{RULE}} » ({{WHERE}}), depuis le {{EFFECTIVE}}. Source : {{SOURCE}}.</p></details></li>{{/SCHEME}}
</ul>

<h2 class="h4 mt-4">Freins et solutions</h2>
{{#NO_BARRIER}}<p>Aucun frein relevé.</p>{{/NO_BARRIER}}
{{#BARRIER}}<section class="mb-3">
  <h3 class="h5">{{LABEL}} <span class="badge badge-statut">{{SEVERITY}}</span></h3>
  <ul>{{#SOLUTION}}<li>{{TEXT}} <span class="text-muted">({{ACTORS}})</span></li>{{/SOLUTION}}</ul>
  {{#NO_PLACE}}<p class="text-muted">Renseignez la commune de résidence pour voir les services proches.</p>{{/NO_PLACE}}
  {{#NO_SERVICE}}<p class="text-muted">Aucun service publié dans l'annuaire à moins de 200 km pour ce frein.</p>{{/NO_SERVICE}}
  {{>SERVICES}}
</section>{{/BARRIER}}

<h2 class="h4 mt-4">Éligibilité à l'IAE</h2>
<p>Jugée comme la jugerait {{JUDGED_AS}}.</p>
{{#NOT_PRESCRIBER}}<p class="alert alert-info">Votre organisation n'est pas prescripteur habilité : ce résultat est indicatif ; l'éligibilité doit être validée par un prescripteur habilité ou par la SIAE qui embauche.</p>{{/NOT_PRESCRIBER}}
<h3 class="h5">Critères établis</h3>
{{#NONE_MET}}<p>Aucun critère établi.</p>{{/NONE_MET}}
<ul>{{#MET}}<li>{{LABEL}} (niveau {{LEVEL}}, {{BASIS}}). Justificatif à recueillir : {{PROOF}}.</li>{{/MET}}</ul>
{{#REJECTED}}<p class="mb-1">Écarté : {{LABEL}} ({{WHY}}).</p>{{/REJECTED}}
{{#TO_CHECK}}<p class="text-muted">À vérifier avec la personne (non renseigné) : {{LIST}}.</p>{{/TO_CHECK}}
<div class="table-responsive"><table class="table table-sm align-middle">
<caption class="visually-hidden">Éligibilité par type de structure</caption>
<thead><tr><th scope="col">Structure</th><th scope="col">Verdict</th><th scope="col">Détail</th></tr></thead>
<tbody>
{{#KIND}}<tr><th scope="row">{{KIND}}</th><td><span class="badge {{VERDICT_CLASS}}">{{VERDICT}}</span></td><td>{{DETAIL}}</td></tr>{{/KIND}}
</tbody></table></div>

<h2 class="h4 mt-4">Situation relevée</h2>
<dl class="row fiche">
{{#PLACE}}<dt class="col-sm-5 col-lg-4">Commune de résidence</dt><dd class="col-sm-7 col-lg-8">{{COMMUNE}}</dd>{{/PLACE}}
{{#SITUATION_FACT}}<dt class="col-sm-5 col-lg-4">{{LABEL}}</dt><dd class="col-sm-7 col-lg-8">{{VALUE}}</dd>{{/SITUATION_FACT}}
</dl>
<h3 class="h5">Métiers recherchés</h3>
<ul>{{#JOB}}<li>{{LABEL}}</li>{{/JOB}}</ul>
<h3 class="h5">Compétences acquises</h3>
<ul>{{#SKILL}}<li>{{LABEL}}</li>{{/SKILL}}</ul>
