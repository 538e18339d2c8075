{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK}}">← {{BACK_NAME}}</a></p>
{{#NO_OFFER}}<p>Aucune offre d'emploi ouverte pour l'instant.</p>{{/NO_OFFER}}
{{#FORM}}<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#OFFER_FIXED}}<input type="hidden" name="offer_id" value="{{ID}}"><p>Offre : <strong>{{TITLE}}</strong> chez {{EMPLOYER}}{{#WHERE}}, {{TEXT}}{{/WHERE}}.</p>{{/OFFER_FIXED}}
  {{#OFFER_CHOICE}}{{>OFFER_ID_FIELD}}{{/OFFER_CHOICE}}
  {{>CV_DOCUMENT_ID_FIELD}}
  {{>MESSAGE_FIELD}}
  <button class="btn btn-primary" type="submit">{{BUTTON}}</button>
</form>{{/FORM}}
