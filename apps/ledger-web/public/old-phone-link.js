// Cards printed before the phone page had its own entry link the console's `/#/s?h=…&token=…`: send
// them to phone.html (src/phone/phone-address.ts) before the console's JavaScript is run. A file of
// its own, not inline, because the content security policy allows scripts from this origin only.
if (/^#\/?s(\?|\/|$)/.test(location.hash)) location.replace('phone.html' + location.hash);
