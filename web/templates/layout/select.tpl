{{%AUTOESCAPE context="HTML"}}<div class="mb-3">
  <label class="form-label" for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="text-muted fw-normal">(facultatif)</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="form-text mt-0 mb-1" id="{{ID}}-aide">{{TEXT}}</p>{{/HINT}}
  <select class="form-select{{#ERROR}} is-invalid{{/ERROR}}" id="{{ID}}" name="{{ID}}"{{#REQUIRED}} required{{/REQUIRED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
    <option value="">– Choisir –</option>
    {{#GROUP}}<optgroup label="{{GROUP_LABEL}}">{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</optgroup>{{/GROUP}}
    {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
  </select>
  {{#ERROR}}<p id="{{ID}}-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/ERROR}}
</div>
