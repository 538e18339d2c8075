{{%AUTOESCAPE context="HTML"}}<div class="mb-3 form-check">
  <input class="form-check-input{{#ERROR}} is-invalid{{/ERROR}}" type="checkbox" id="{{ID}}" name="{{ID}}" value="on"{{#CHECKED}} checked{{/CHECKED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
  <label class="form-check-label" for="{{ID}}">{{LABEL}}</label>
  {{#HINT}}<p class="form-text mt-0" id="{{ID}}-aide">{{TEXT}}</p>{{/HINT}}
  {{#ERROR}}<p id="{{ID}}-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/ERROR}}
</div>
