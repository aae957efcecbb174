
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    // Messages of the code in the form chunk, loaded on demand (scripts/split-messages.mjs).
    export const templates = {
'sign-in-code-heading': `Check your e-mail`,
'sign-in-code-intro': str`We sent a code to ${0}. The code works for 10 minutes.`,
'sign-in-code-label': `6-digit code`,
'sign-in-code-sent': str`We sent a code to ${0}.`,
'sign-in-code-short': `Type the 6 digits from the e-mail.`,
'sign-in-done': str`You are signed in as ${0}.`,
'sign-in-email-invalid': `Enter your e-mail address, for example name@example.com.`,
'sign-in-email-label': `E-mail address`,
'sign-in-heading': `Sign in`,
'sign-in-intro': `You get a 6-digit code by e-mail. No password needed.`,
'sign-in-other-email': `Different e-mail address`,
'sign-in-resend': `Send a new code`,
'sign-in-send-code': `Send me a code`,
'sign-in-submit': `Sign in`,
'sign-out-done': `You are signed out.`,
'signed-in-as': str`Signed in as ${0}.`,
'signed-in-heading': `You are signed in`,
'start-body-hint': `What is needed, who does what, when? An empty line starts a new paragraph.`,
'start-body-label': `Your plan (can wait)`,
'start-choose-neighbourhood': `Choose a neighbourhood`,
'start-created': str`Your initiative "${0}" is online.`,
'start-created-heading': `Your initiative is online`,
'start-draft-restored': `Your draft has been restored.`,
'start-error-neighbourhood': `Choose the neighbourhood of your initiative.`,
'start-intro-signed-in': str`You post this as ${0}. The initiative stays yours: you decide what happens.`,
'start-intro-signed-out': `You can start right away; to post, you sign in with your e-mail address. What you type is kept on this device.`,
'start-needs-legend': `What do you need?`,
'start-sign-in-first': `Sign in first. Your text is kept.`,
'start-submit': `Post initiative`,
'start-summary-hint': `One or two sentences: what do you want to do, and why?`,
'start-summary-label': `Summary`,
'start-themes-legend': `What is it about?`,
'start-title-hint': `Short and clear, for example "Front gardens in Tulip Street".`
    };
