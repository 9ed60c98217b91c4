// A new CAPTCHA challenge in place, from django-simple-captcha's refresh endpoint, so
// the typed values (passwords too) stay. Without JavaScript the button reposts the step.
document.addEventListener("click", async (event) => {
  const button = event.target.closest(".captcha-refresh");
  if (!button) return;
  event.preventDefault();
  const box = button.closest(".captcha");
  try {
    const response = await fetch(box.dataset.refreshUrl, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
    });
    if (!response.ok) throw new Error(response.statusText);
    const challenge = await response.json();
    box.querySelector(".captcha-image").src = challenge.image_url;
    box.querySelector("input[type=hidden]").value = challenge.key;
    const audio = box.querySelector(".captcha-audio");
    if (audio && challenge.audio_url) audio.href = challenge.audio_url;
    const answer = box.querySelector("input[type=text]");
    answer.value = "";
    answer.focus();
    box.querySelector(".captcha-status").textContent = button.dataset.done;
  } catch {
    button.form.requestSubmit(button);
  }
});
