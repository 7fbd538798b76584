/**
 * Editor side of the workos/login-button block: settings in the sidebar and a preview the server
 * renders (the block is dynamic, so save() stores only the attributes). Plain JavaScript against
 * the editor's globals; no build step.
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var Fragment = wp.element.Fragment;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var c = wp.components;
	var ServerSideRender = wp.serverSideRender;

	function text( props, key, label, help ) {
		return el( c.TextControl, {
			label: label,
			help: help,
			value: props.attributes[ key ] || '',
			onChange: function ( value ) {
				var change = {};
				change[ key ] = value;
				props.setAttributes( change );
			},
		} );
	}

	function choice( props, key, label, options ) {
		return el( c.SelectControl, {
			label: label,
			value: props.attributes[ key ],
			options: options,
			onChange: function ( value ) {
				var change = {};
				change[ key ] = value;
				props.setAttributes( change );
			},
		} );
	}

	function toggle( props, key, label ) {
		return el( c.ToggleControl, {
			label: label,
			checked: !! props.attributes[ key ],
			onChange: function ( value ) {
				var change = {};
				change[ key ] = value;
				props.setAttributes( change );
			},
		} );
	}

	function Edit( props ) {
		var blockProps = blockEditor.useBlockProps();
		return el(
			Fragment,
			null,
			el(
				blockEditor.InspectorControls,
				null,
				el(
					c.PanelBody,
					{ title: __( 'Sign-in', 'workos-companion' ), initialOpen: true },
					text( props, 'button_text', __( 'Button text', 'workos-companion' ), __( 'Empty: "Sign in".', 'workos-companion' ) ),
					text( props, 'redirect_to', __( 'After sign-in, go to', 'workos-companion' ), __( 'A page of this site, such as /members/. Other sites are ignored.', 'workos-companion' ) ),
					choice( props, 'mode', __( 'Sign-in mode', 'workos-companion' ), [
						{ value: 'auto', label: __( 'As configured', 'workos-companion' ) },
						{ value: 'redirect', label: __( 'WorkOS hosted page', 'workos-companion' ) },
						{ value: 'headless', label: __( 'WordPress form', 'workos-companion' ) },
					] ),
					toggle( props, 'show_registration', __( 'Show a registration link', 'workos-companion' ) ),
					text( props, 'registration_text', __( 'Registration link text', 'workos-companion' ) ),
					toggle( props, 'show_password_fallback', __( 'Show a password sign-in link', 'workos-companion' ) ),
					text( props, 'password_fallback_text', __( 'Password sign-in link text', 'workos-companion' ) )
				),
				el(
					c.PanelBody,
					{ title: __( 'Signed-in visitors', 'workos-companion' ), initialOpen: false },
					choice( props, 'logged_in_display', __( 'Show', 'workos-companion' ), [
						{ value: 'user_info', label: __( 'Who is signed in and a sign-out link', 'workos-companion' ) },
						{ value: 'logout', label: __( 'Only a sign-out link', 'workos-companion' ) },
						{ value: 'hide', label: __( 'Nothing', 'workos-companion' ) },
					] ),
					text( props, 'logout_text', __( 'Sign-out text', 'workos-companion' ), __( 'Empty: "Sign out".', 'workos-companion' ) )
				),
				el(
					c.PanelBody,
					{ title: __( 'Appearance', 'workos-companion' ), initialOpen: false },
					choice( props, 'style', __( 'Style', 'workos-companion' ), [
						{ value: 'filled', label: __( 'Filled', 'workos-companion' ) },
						{ value: 'outline', label: __( 'Outline', 'workos-companion' ) },
						{ value: 'link', label: __( 'Link', 'workos-companion' ) },
					] ),
					choice( props, 'size', __( 'Size', 'workos-companion' ), [
						{ value: 'small', label: __( 'Small', 'workos-companion' ) },
						{ value: 'medium', label: __( 'Medium', 'workos-companion' ) },
						{ value: 'large', label: __( 'Large', 'workos-companion' ) },
					] ),
					choice( props, 'alignment', __( 'Alignment', 'workos-companion' ), [
						{ value: 'left', label: __( 'Left', 'workos-companion' ) },
						{ value: 'center', label: __( 'Center', 'workos-companion' ) },
						{ value: 'right', label: __( 'Right', 'workos-companion' ) },
					] ),
					text( props, 'bg_color', __( 'Background colour (hex)', 'workos-companion' ) ),
					text( props, 'text_color', __( 'Text colour (hex)', 'workos-companion' ) ),
					text( props, 'border_color', __( 'Border colour (hex)', 'workos-companion' ) ),
					text( props, 'border_radius', __( 'Corner radius (px)', 'workos-companion' ) ),
					toggle( props, 'show_icon', __( 'Show a lock icon', 'workos-companion' ) )
				)
			),
			el(
				'div',
				blockProps,
				el( ServerSideRender, { block: 'workos/login-button', attributes: props.attributes } )
			)
		);
	}

	wp.blocks.registerBlockType( 'workos/login-button', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp );
