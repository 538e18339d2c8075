{{%AUTOESCAPE context="HTML"}}<div class="mb-3">
  <label class="form-label" for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="text-muted fw-normal">(facultatif)</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="form-text mt-0 mb-1" id="{{ID}}-aide">{{TEXT}}</p>{{/HINT}}
  <textarea class="form-control{{#ERROR}} is-invalid{{/ERROR}}" id="{{ID}}" name="{{ID}}" rows="5"{{#REQUIRED}} required{{/REQUIRED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>{{VALUE}}</textarea>
  {{#ERROR}}<p id="{{ID}}-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/ERROR}}
</div>
