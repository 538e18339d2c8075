{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← {{BACK_LABEL}}</a></p>
{{#COLLECTIVE}}<p>Un rendez-vous collectif (atelier, information collective) accueille plusieurs personnes : inscrivez-les une fois la séance créée.</p>{{/COLLECTIVE}}
<div class="row"><div class="col-md-9 col-lg-7">
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="row">
    <div class="col-sm-6">{{>DATE_FIELD}}</div>
    <div class="col-sm-6">{{>TIME_FIELD}}</div>
  </div>
  {{>DURATION_FIELD}}
  {{>COUNSELLOR_ID_FIELD}}
  {{>SUBJECT_FIELD}}
  {{>PLACE_FIELD}}
  {{>VIDEO_URL_FIELD}}
  {{#KIND_ERROR}}<p class="text-danger">{{MESSAGE}}</p>{{/KIND_ERROR}}
  <button class="btn btn-primary" type="submit">Enregistrer le rendez-vous</button>
</form>
</div></div>
