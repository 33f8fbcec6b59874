"""Admin forms. They check the shape of the input only; the services apply every rule."""

from django import forms

from claims.errors import DomainError


class ServiceForm(forms.ModelForm):
    """A model form that leaves the model's rules to the services.

    A plain ModelForm copies the input onto the instance and runs the model's
    checks while validating. Here the instance stays as it was loaded, so the
    service sees exactly what changed and is the one judge of it. `refusals`
    is set on a class built to show a service's refusal again: {form prefix: error}.
    """

    refusals: dict[str | None, DomainError] = {}

    def _post_clean(self) -> None:
        error = self.refusals.get(self.prefix)
        if error is not None:
            show_refusal(self, error)


def show_refusal(form: forms.Form, error: DomainError) -> None:
    """Put a service's message next to the field it names, or above the form."""
    by_field = error.errors or {None: [error.message]}
    for field, messages in by_field.items():
        on_form = field in form.fields
        for message in messages:
            if on_form:
                form.add_error(field, message)
            elif field in (None, "__all__") or field in message:
                form.add_error(None, message)
            else:
                form.add_error(None, f"{field}: {message}")


def with_refusals(form_class: type[forms.BaseForm], refusals: dict[str | None, DomainError] | None) -> type:
    if not refusals:
        return form_class
    return type(form_class.__name__, (form_class,), {"refusals": refusals})


class AliasesField(forms.CharField):
    """A list of names edited as one name per line."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 40})

    def prepare_value(self, value: object) -> object:
        if isinstance(value, list | tuple):
            return "\n".join(str(name) for name in value)
        return value

    def to_python(self, value: object) -> list[str]:
        if isinstance(value, list | tuple):
            return [str(name) for name in value]
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]

    def has_changed(self, initial: object, data: object) -> bool:
        return self.to_python(initial) != self.to_python(data)


ALIASES_HELP = "One name per line: other spellings and transliterations (Arabic script is fine)."
SLUG_HELP = "Leave blank to make one from the name."


class OutletForm(ServiceForm):
    aliases = AliasesField(required=False, help_text=ALIASES_HELP)
    slug = forms.SlugField(required=False, allow_unicode=False, help_text=SLUG_HELP)


class ActorForm(ServiceForm):
    aliases = AliasesField(required=False, help_text=ALIASES_HELP)
    slug = forms.SlugField(required=False, help_text=SLUG_HELP)


class EventForm(ServiceForm):
    slug = forms.SlugField(required=False, help_text="Leave blank to make one from the title and date.")


class ReasonForm(forms.Form):
    """Why rows are withdrawn. Whether a reason is required is the service's to say."""

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 60}), required=False)


class CommentForm(forms.Form):
    """The comment (or reason) of a review step."""

    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 60}), required=False)
