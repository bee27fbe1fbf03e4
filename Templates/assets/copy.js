// Copy buttons for the chart embed codes. Without JavaScript the codes stay selectable in their text areas.
document.querySelectorAll("button.copy").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    var done = function () { var label = button.textContent; button.textContent = "已复制"; setTimeout(function () { button.textContent = label; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand("copy"); done(); });
    } else {
      field.select(); document.execCommand("copy"); done();
    }
  });
});
