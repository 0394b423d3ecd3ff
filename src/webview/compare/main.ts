// The Compare webview: bundled by esbuild (browser, IIFE) into media/dist/compare.js, with the
// panels' shared CSS and this page's CSS emitted next to it as media/dist/compare.css.
import '../shared/panel.css';
import './compare.css';
import { vscodeApi } from '../shared/dom';
import { CompareApp } from './app';
import type { CompareState } from './protocol';

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new CompareApp(root, vscodeApi<CompareState>());
