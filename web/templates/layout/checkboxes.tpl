{{%AUTOESCAPE context="HTML"}}<fieldset class="mb-3 groupe-cases" id="{{ID}}" tabindex="-1"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
  <legend class="form-label fs-6 mb-1">{{LABEL}}</legend>
  {{#HINT}}<p class="form-text mt-0 mb-1" id="{{ID}}-aide">{{TEXT}}</p>{{/HINT}}
  {{#ERROR}}<p id="{{ID}}-erreur" class="invalid-feedback d-block">{{MESSAGE}}</p>{{/ERROR}}
  {{#GROUP}}<details class="mb-1"{{#OPEN}} open{{/OPEN}}>
    <summary>{{GROUP_LABEL}}{{#HAS_CHECKED}} <span class="badge badge-statut">{{CHECKED_COUNT}} cochée(s)</span>{{/HAS_CHECKED}}</summary>
    <div class="ps-3 pt-1 pb-2">{{#OPTION}}<div class="form-check">
      <input class="form-check-input" type="checkbox" id="{{ID}}-{{N}}" name="{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
      <label class="form-check-label" for="{{ID}}-{{N}}">{{LABEL}}</label>
    </div>{{/OPTION}}</div>
  </details>{{/GROUP}}
  {{#OPTION}}<div class="form-check">
    <input class="form-check-input" type="checkbox" id="{{ID}}-{{N}}" name="{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
    <label class="form-check-label" for="{{ID}}-{{N}}">{{LABEL}}</label>
  </div>{{/OPTION}}
</fieldset>
