{{%AUTOESCAPE context="HTML"}}<div class="mb-3">
  <label class="form-label" for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="text-muted fw-normal">(facultatif)</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="form-text mt-0 mb-1" id="{{ID}}-aide">{{TEXT}}</p>{{/HINT}}
  <input class="form-control{{#ERROR}} is-invalid{{/ERROR}}" type="{{TYPE}}" id="{{ID}}" name="{{ID}}" value="{{VALUE}}"{{#AUTOCOMPLETE}} autocomplete="{{VALUE}}"{{/AUTOCOMPLETE}}{{#REQUIRED}} required{{/REQUIRED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
  {{#ERROR}}<p id="{{ID}}-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/ERROR}}
</div>
